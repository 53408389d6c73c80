/* test-ui-a11y.c: every control a screen reader reaches has a name
 *
 * What Orca reads is what GTK puts on the accessibility bus (AT-SPI): a
 * node's Name, Role and State.  GTK 4.8 works the name out in private
 * code (gtk_at_context_get_name() in gtk/gtkatcontext.c, which
 * gtkatspicontext.c serves as the "Name" property): the accessible label,
 * then the names of what it is labelled by, each joined by a space; and
 * when there is neither, the class name ("GtkToggleButton") for anything
 * but a plain container.  Rather than copy that rule here, where it could
 * drift from what GTK does, this test reads the tree the way Orca does:
 * over D-Bus, from a connection of its own to the accessibility bus, in a
 * thread, while the main loop answers for the application.
 *
 * A control fails when a person can reach it (focusable, visible and
 * sensitive on the bus) and its name is empty, is a class name ("Gtk…",
 * "Adw…", "Amends…"), or says the same thing twice ("Severity Severity",
 * "_Cancel Cancel": an accessible label besides the label it is labelled
 * by, or GTK 4.8's own label of a button with a mnemonic).
 *
 * The walks: the main window with the demo hotel in it and a case open
 * (the Cases, Board and Measures pages are all in the tree at once), the
 * quick intake and the preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include <gdk/x11/gdkx.h>

#include "amends-application.h"
#include "amends-case-editor.h"
#include "amends-case-history.h"
#include "amends-case-sidebar.h"
#include "amends-demo.h"
#include "amends-intake-dialog.h"
#include "amends-preferences-window.h"
#include "amends-targets-page.h"
#include "amends-window.h"

/* AT-SPI's roles and states, as at-spi2-core numbers them (atspi-constants.h;
 * its headers are not a build dependency for one test). */
#define ATSPI_STATE_FOCUSABLE 11
#define ATSPI_STATE_SENSITIVE 24
#define ATSPI_STATE_VISIBLE   30

#define ATSPI_ACCESSIBLE "org.a11y.atspi.Accessible"

typedef struct
{
  char    *path;      /* the names and roles from the window down */
  char    *name;
  char    *role;
  guint64  states;
  gboolean in_combo;   /* inside a drop-down (its popup) */
  gboolean in_button;  /* inside a button that takes the focus itself */
  gboolean has_named_child;  /* something below it has a usable name */
  int      parent;     /* index in the walk, -1 for the window */
} Node;

static void
node_free (Node *node)
{
  g_free (node->path);
  g_free (node->name);
  g_free (node->role);
  g_free (node);
}

static gboolean
node_has_state (const Node *node,
                guint       state)
{
  return (node->states & (G_GUINT64_CONSTANT (1) << state)) != 0;
}

/* The walk, done in a thread with its own connection: its calls block,
 * while the main thread runs the loop that answers them. */
typedef struct
{
  char       *window_name;   /* the toplevel to walk, by its title */
  GPtrArray  *nodes;         /* of Node */
  GError     *error;
  gboolean    done;
} Walk;

/* A name a person could not use: empty, or GTK's fallback of the class name. */
static gboolean
is_unnamed (const char *name)
{
  static const char * const prefixes[] = { "Gtk", "Adw", "Amends" };

  if (name == NULL || *name == '\0')
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize len = strlen (prefixes[i]);

      if (g_str_has_prefix (name, prefixes[i]) && g_ascii_isupper (name[len]) && strchr (name, ' ') == NULL)
        return TRUE;
    }

  return FALSE;
}

/* The words as they sound: without mnemonic underlines, in lower case. */
static char *
as_heard (const char *text,
          gssize      len)
{
  g_autofree char *copy = g_strndup (text, len < 0 ? strlen (text) : (gsize) len);
  g_autoptr(GString) heard = g_string_new (NULL);

  for (const char *p = copy; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (heard, *p);

  return g_utf8_strdown (heard->str, -1);
}

/* "Severity Severity", "What went wrong What Went Wrong", "_Cancel Cancel":
 * the same words twice over. */
static gboolean
is_doubled (const char *name)
{
  for (const char *space = strchr (name, ' '); space != NULL; space = strchr (space + 1, ' '))
    {
      g_autofree char *first = as_heard (name, space - name);
      g_autofree char *second = as_heard (space + 1, -1);

      if (*first != '\0' && g_str_equal (first, second))
        return TRUE;
    }

  return FALSE;
}

static GVariant *
call (GDBusConnection  *bus,
      const char       *dest,
      const char       *path,
      const char       *iface,
      const char       *method,
      GVariant         *args,
      const char       *reply_type,
      GError          **error)
{
  return g_dbus_connection_call_sync (bus, dest, path, iface, method, args,
                                      G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE,
                                      10000, NULL, error);
}

static char *
get_name (GDBusConnection  *bus,
          const char       *dest,
          const char       *path,
          GError          **error)
{
  g_autoptr(GVariant) reply = call (bus, dest, path, "org.freedesktop.DBus.Properties", "Get",
                                    g_variant_new ("(ss)", ATSPI_ACCESSIBLE, "Name"), "(v)", error);
  g_autoptr(GVariant) value = NULL;

  if (reply == NULL)
    return NULL;
  g_variant_get (reply, "(v)", &value);
  return g_variant_dup_string (value, NULL);
}

static GVariant *
get_children (GDBusConnection  *bus,
              const char       *dest,
              const char       *path,
              GError          **error)
{
  g_autoptr(GVariant) reply = call (bus, dest, path, ATSPI_ACCESSIBLE, "GetChildren", NULL, "(a(so))", error);

  if (reply == NULL)
    return NULL;
  return g_variant_get_child_value (reply, 0);
}

static gboolean
walk_node (Walk             *walk,
           GDBusConnection  *bus,
           const char       *dest,
           const char       *path,
           const char       *parent_path,
           gboolean          in_combo,
           gboolean          in_button,
           int               parent,
           guint             depth,
           GError          **error)
{
  g_autoptr(GVariant) role = NULL;
  g_autoptr(GVariant) states = NULL;
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariantIter) state_iter = NULL;
  Node *node;
  GVariantIter iter;
  const char *child_dest, *child_path;
  guint32 word;
  guint i = 0;
  int index;

  /* A loop in the tree would never end. */
  if (depth > 200)
    return TRUE;

  node = g_new0 (Node, 1);
  node->in_combo = in_combo;
  node->in_button = in_button;
  node->parent = parent;
  index = walk->nodes->len - 1;
  g_ptr_array_add (walk->nodes, node);

  node->name = get_name (bus, dest, path, error);
  if (node->name == NULL)
    return FALSE;
  if (!is_unnamed (node->name))
    for (int up = parent; up >= 0; up = ((Node *) g_ptr_array_index (walk->nodes, up))->parent)
      ((Node *) g_ptr_array_index (walk->nodes, up))->has_named_child = TRUE;

  role = call (bus, dest, path, ATSPI_ACCESSIBLE, "GetRoleName", NULL, "(s)", error);
  if (role == NULL)
    return FALSE;
  g_variant_get (role, "(s)", &node->role);

  states = call (bus, dest, path, ATSPI_ACCESSIBLE, "GetState", NULL, "(au)", error);
  if (states == NULL)
    return FALSE;
  g_variant_get (states, "(au)", &state_iter);
  while (g_variant_iter_next (state_iter, "u", &word))
    node->states |= (guint64) word << (32 * i++);

  /* Where it is, as the names around it say: unnamed containers left out. */
  node->path = g_strdup_printf ("%s%s%s '%s'", parent_path, *parent_path ? " > " : "", node->role, node->name);

  children = get_children (bus, dest, path, error);
  if (children == NULL)
    return FALSE;

  g_variant_iter_init (&iter, children);
  while (g_variant_iter_next (&iter, "(&s&o)", &child_dest, &child_path))
    {
      g_autofree char *here = is_unnamed (node->name) ? g_strdup (parent_path) : g_strdup (node->path);

      if (!walk_node (walk, bus, child_dest, child_path, here,
                      in_combo || g_str_equal (node->role, "combo box"),
                      in_button || ((g_str_equal (node->role, "button") || g_str_equal (node->role, "toggle button")) &&
                                    node_has_state (node, ATSPI_STATE_FOCUSABLE)),
                      index, depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

static gpointer
walk_thread (gpointer data)
{
  Walk *walk = data;
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) address = NULL;
  g_autoptr(GVariant) apps = NULL;
  GVariantIter iter;
  const char *app_dest, *app_path;
  GError **error = &walk->error;
  g_autofree char *found_dest = NULL;
  g_autofree char *found_path = NULL;
  gboolean found = FALSE;

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  if (session == NULL)
    goto out;
  address = call (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", NULL, "(s)", error);
  if (address == NULL)
    goto out;

  bus = g_dbus_connection_new_for_address_sync (g_variant_get_string (g_variant_get_child_value (address, 0), NULL),
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, error);
  if (bus == NULL)
    goto out;

  /* The registry lists the applications; ours is the only one here. */
  apps = get_children (bus, "org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root", error);
  if (apps == NULL)
    goto out;

  /* The window by its title; the last one so named that is visible, as
   * GTK 4.8 may still list a window of an earlier test, gone since. */
  g_variant_iter_init (&iter, apps);
  while (g_variant_iter_next (&iter, "(&s&o)", &app_dest, &app_path))
    {
      g_autoptr(GVariant) windows = get_children (bus, app_dest, app_path, NULL);
      GVariantIter window_iter;
      const char *window_dest, *window_path;

      if (windows == NULL)
        continue;

      g_variant_iter_init (&window_iter, windows);
      while (g_variant_iter_next (&window_iter, "(&s&o)", &window_dest, &window_path))
        {
          g_autofree char *name = get_name (bus, window_dest, window_path, NULL);
          g_autoptr(GVariant) states = NULL;
          g_autoptr(GVariantIter) state_iter = NULL;
          guint32 word = 0;

          if (g_strcmp0 (name, walk->window_name) != 0)
            continue;

          states = call (bus, window_dest, window_path, ATSPI_ACCESSIBLE, "GetState", NULL, "(au)", NULL);
          if (states == NULL)
            continue;
          g_variant_get (states, "(au)", &state_iter);
          if (!g_variant_iter_next (state_iter, "u", &word) || (word & (1u << ATSPI_STATE_VISIBLE)) == 0)
            continue;

          found = TRUE;
          g_clear_pointer (&found_dest, g_free);
          g_clear_pointer (&found_path, g_free);
          found_dest = g_strdup (window_dest);
          found_path = g_strdup (window_path);
        }
    }

  if (found && !walk_node (walk, bus, found_dest, found_path, "", FALSE, FALSE, -1, 0, error))
    goto out;

  if (!found)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 "No window “%s” on the accessibility bus", walk->window_name);

out:
  g_atomic_int_set (&walk->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static gboolean
walk_done (gpointer data)
{
  Walk *walk = data;

  return g_atomic_int_get (&walk->done);
}

/* Every node of the window titled @window_name, as a screen reader gets it. */
static GPtrArray *
read_tree (const char *window_name)
{
  Walk walk = { .window_name = (char *) window_name, .nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free) };
  gint64 give_up = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;
  GThread *thread;

  amends_ui_test_drain ();
  thread = g_thread_new ("a11y-walk", walk_thread, &walk);
  /* Not amends_ui_test_wait_until(): a large tree takes more than its
   * 20 s under a loaded machine; this limit only keeps a hang short. */
  while (!walk_done (&walk) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (walk_done (&walk));
  g_thread_join (thread);

  g_assert_no_error (walk.error);
  return walk.nodes;
}

/* GTK 4.8 does not say SHOWING (whether a widget is on screen), so a
 * control on a page not shown counts too: it is reached once the page is. */
static gboolean
is_reachable (const Node *node)
{
  return node_has_state (node, ATSPI_STATE_FOCUSABLE) &&
         node_has_state (node, ATSPI_STATE_VISIBLE) &&
         node_has_state (node, ATSPI_STATE_SENSITIVE);
}

/* What GTK itself leaves unnamed, which the application cannot name:
 *
 *  - a focusable container in a structural role (a scrolled window, a
 *    viewport, a status page's scroller) with no name: GTK gives those no
 *    name on purpose (is_structural_role() in gtkatcontext.c), a screen
 *    reader does not stop on them, and the focus goes through them to the
 *    controls inside;
 *  - the list of a drop-down's popup and its items (GtkDropDown, and
 *    AdwComboRow built on it): GTK 4.8 names neither, and they are out of
 *    reach of the application's templates.  The drop-down itself is checked;
 *  - what is inside a button that takes the focus itself (the chosen item
 *    shown in a drop-down's button): the focus stops at the button;
 *  - a row of a GtkListView or GtkListBox without a name of its own but
 *    with named content: GTK 4.8 wraps a list view's rows in a private
 *    GtkListItemWidget that takes the focus and cannot be labelled, and
 *    Orca reads a list item without a name by what it shows. */
static gboolean
is_toolkit_own (const Node *node)
{
  if (*node->name == '\0' &&
      (g_str_equal (node->role, "group") || g_str_equal (node->role, "panel") || g_str_equal (node->role, "filler")))
    return TRUE;

  if (node->in_button)
    return TRUE;

  if (*node->name == '\0' && g_str_equal (node->role, "list item") && node->has_named_child)
    return TRUE;

  if (node->in_combo && (g_str_equal (node->role, "list") || g_str_equal (node->role, "list item")))
    return TRUE;

  return FALSE;
}

/* Failures known and waiting for a fix, by their place in the tree: none
 * now.  An entry no longer found is reported; a new failure fails the
 * test. */
static const char * const known_failures[] = {
  NULL,
};

static gboolean
is_known_failure (const char *path)
{
  return g_strv_contains (known_failures, path);
}

/* Fails on every control a person reaches whose name they could not use,
 * after listing them all. */
static void
assert_all_named (GPtrArray  *nodes,
                  GHashTable *known_seen)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);
      const char *problem = NULL;

      if (!is_reachable (node) || is_toolkit_own (node))
        continue;

      if (is_unnamed (node->name))
        problem = "no name";
      else if (is_doubled (node->name))
        problem = "a name said twice";
      else
        continue;

      if (is_known_failure (node->path))
        {
          g_hash_table_add (known_seen, node->path);
          g_test_message ("Known: %s", node->path);
          continue;
        }

      g_test_message ("%s: %s", problem, node->path);
      g_string_append_printf (failures, "\n  %s: %s", problem, node->path);
    }

  if (failures->len > 0)
    g_error ("Controls a screen reader cannot name:%s", failures->str);
}

static const Node *
find_node (GPtrArray  *nodes,
           const char *role,
           const char *name)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      const Node *node = g_ptr_array_index (nodes, i);

      if (g_str_equal (node->role, role) && g_str_equal (node->name, name))
        return node;
    }

  return NULL;
}

/* One application for the whole run; a fresh database for each test. */
static AmendsApplication *app;

typedef struct
{
  char         *dir;
  AmendsStore  *store;
  AmendsWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("amends-ui-a11y-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "amends.db", NULL);
  fixture->store = amends_store_open (path, &error);
  g_assert_no_error (error);

  /* data: with the demo hotel's cases, stories and staff, or empty. */
  if (data != NULL)
    {
      g_autoptr(GDateTime) now = amends_store_dup_now (fixture->store);

      amends_demo_populate (fixture->store, now, &error);
      g_assert_no_error (error);
    }

  amends_application_set_store (app, fixture->store);
  fixture->window = amends_window_new (GTK_APPLICATION (app), fixture->store);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  amends_ui_test_drain ();
  amends_ui_test_wait_for_cases (GTK_WIDGET (fixture->window));
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
  g_assert_null (fixture->window);

  amends_application_set_store (app, NULL);
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static void
report_known_seen (GHashTable *known_seen)
{
  for (guint i = 0; known_failures[i] != NULL; i++)
    if (!g_hash_table_contains (known_seen, known_failures[i]))
      g_test_message ("Known failure no longer found, to take off the list: %s", known_failures[i]);
}

static AmendsCaseSidebar *
sidebar_of (Fixture *fixture)
{
  GtkWidget *sidebar = amends_ui_test_find_child (GTK_WIDGET (fixture->window), "sidebar", AMENDS_TYPE_CASE_SIDEBAR);

  g_assert_nonnull (sidebar);
  return AMENDS_CASE_SIDEBAR (sidebar);
}

static GtkWidget *
case_list_view (Fixture *fixture)
{
  GtkWidget *view = amends_ui_test_find_child (GTK_WIDGET (sidebar_of (fixture)), "list_view", GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (view);
  return view;
}

typedef struct
{
  Fixture *fixture;
  gint64   case_id;
} OpenCase;

static gboolean
case_is_open (gpointer data)
{
  OpenCase *open = data;
  GtkWidget *editor = amends_ui_test_find_child (GTK_WIDGET (open->fixture->window), NULL, AMENDS_TYPE_CASE_EDITOR);

  return editor != NULL && amends_case_editor_get_case_id (AMENDS_CASE_EDITOR (editor)) == open->case_id;
}

/* Selects the first case of the list, and waits for the editor to show it. */
static void
open_first_case (Fixture *fixture)
{
  GListModel *cases = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (case_list_view (fixture))));
  g_autoptr(GObject) first = NULL;
  OpenCase open = { fixture, 0 };

  g_assert_cmpuint (g_list_model_get_n_items (cases), >, 0);
  first = g_list_model_get_item (cases, 0);
  g_assert_true (AMENDS_IS_CASE (first));
  open.case_id = amends_record_get_id (AMENDS_RECORD (first));

  g_assert_true (amends_case_sidebar_select_case (sidebar_of (fixture), open.case_id));
  amends_ui_test_wait_until (case_is_open, &open);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* The main window on an empty database: the first case's page. */
static void
test_empty_window_controls_named (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) nodes = read_tree ("Amends");
  g_autoptr(GHashTable) known_seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (find_node (nodes, "window", "Amends"));
  assert_all_named (nodes, known_seen);
}

/* The main window with the demo hotel in it and a case open: the Cases,
 * the Board and the Measures, all in the tree at once. */
static void
test_window_controls_named (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GHashTable) known_seen = g_hash_table_new (g_str_hash, g_str_equal);

  open_first_case (fixture);
  nodes = read_tree ("Amends");

  /* The walk went through each view, not around it. */
  g_assert_nonnull (find_node (nodes, "list", "What Happened"));
  g_assert_nonnull (find_node (nodes, "list", "Measures by owner"));
  g_assert_nonnull (find_node (nodes, "button", "Previous period"));

  assert_all_named (nodes, known_seen);
  report_known_seen (known_seen);
}

static gboolean
list_is_empty (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (case_list_view (fixture))))) == 0;
}

/* A search that finds nothing: the page that says so, and its button. */
static void
test_no_match_controls_named (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *search = amends_ui_test_find_child (GTK_WIDGET (sidebar_of (fixture)), NULL, GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GHashTable) known_seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "xylophone quartet");
  amends_ui_test_wait_until (list_is_empty, fixture);
  amends_ui_test_wait_for_cases (GTK_WIDGET (fixture->window));
  nodes = read_tree ("Amends");

  g_assert_nonnull (find_node (nodes, "button", "Clear Filters"));
  assert_all_named (nodes, known_seen);
}

/* The quick intake: a dialog, each row named once, by its title. */
static void
test_intake_controls_named (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GHashTable) known_seen = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-case", NULL);
  amends_ui_test_drain ();
  g_assert_nonnull (find_toplevel (AMENDS_TYPE_INTAKE_DIALOG));
  nodes = read_tree ("Log a Case");

  g_assert_nonnull (find_node (nodes, "dialog", "Log a Case"));
  g_assert_nonnull (find_node (nodes, "text box", "What Went Wrong"));
  g_assert_nonnull (find_node (nodes, "text box", "When It Happened"));
  g_assert_nonnull (find_node (nodes, "combo box", "Severity"));
  g_assert_nonnull (find_node (nodes, "combo box", "Owner"));
  g_assert_nonnull (find_node (nodes, "button", "Cancel"));

  assert_all_named (nodes, known_seen);
}

/* The preferences: a spin button is named by its row's title alone. */
static void
test_preferences_controls_named (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GHashTable) known_seen = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "app.preferences", NULL);
  amends_ui_test_drain ();
  g_assert_nonnull (find_toplevel (AMENDS_TYPE_PREFERENCES_WINDOW));
  nodes = read_tree ("Preferences");

  g_assert_nonnull (find_node (nodes, "spin button", "Recovered in Time"));
  g_assert_nonnull (find_node (nodes, "spin button", "Customers Blown Away"));

  assert_all_named (nodes, known_seen);

  /* The Targets page: a severity's spin button is named by its row; an
   * office hour's controls by what they set, the weekday included. */
  {
    AdwPreferencesWindow *preferences = ADW_PREFERENCES_WINDOW (find_toplevel (AMENDS_TYPE_PREFERENCES_WINDOW));
    GtkWidget *page = amends_ui_test_find_child (GTK_WIDGET (preferences), NULL, AMENDS_TYPE_TARGETS_PAGE);

    g_assert_nonnull (page);
    adw_preferences_window_set_visible_page (preferences, ADW_PREFERENCES_PAGE (page));
    amends_ui_test_drain ();
    g_clear_pointer (&nodes, g_ptr_array_unref);
    nodes = read_tree ("Preferences");

    g_assert_nonnull (find_node (nodes, "spin button", "Major"));
    g_assert_nonnull (find_node (nodes, "spin button", "Monday: opens at"));
    g_assert_nonnull (find_node (nodes, "switch", "Open on Monday"));
    g_assert_nonnull (find_node (nodes, "text box", "Category"));
    assert_all_named (nodes, known_seen);
  }
}

static gboolean
history_read (gpointer data)
{
  return !amends_case_history_get_busy (data);
}

/* A case's History, opened with Ctrl+H's action: its filters, its list
 * and its rows, each named. */
static void
test_history_controls_named (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GHashTable) known_seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWindow *history;

  open_first_case (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.case-history", NULL);
  amends_ui_test_drain ();
  history = find_toplevel (AMENDS_TYPE_CASE_HISTORY);
  g_assert_nonnull (history);
  amends_ui_test_wait_until (history_read, history);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (history));
  nodes = read_tree (gtk_window_get_title (history));

  g_assert_nonnull (find_node (nodes, "combo box", "Kind of change"));
  g_assert_nonnull (find_node (nodes, "combo box", "Who made the change"));
  g_assert_nonnull (find_node (nodes, "button", "Print the history"));
  g_assert_nonnull (find_node (nodes, "list", "Changes, the newest first"));
  assert_all_named (nodes, known_seen);
}

/* The rule itself: what counts as no name, or a name said twice. */
static void
test_name_rule (void)
{
  g_assert_true (is_unnamed (""));
  g_assert_true (is_unnamed ("GtkToggleButton"));
  g_assert_true (is_unnamed ("AdwGizmo"));
  g_assert_true (is_unnamed ("AmendsMeasureTile"));
  g_assert_false (is_unnamed ("Gtk"));
  g_assert_false (is_unnamed ("Adwoa Mensah"));
  g_assert_false (is_unnamed ("Severity"));

  g_assert_true (is_doubled ("Severity Severity"));
  g_assert_true (is_doubled ("What went wrong What Went Wrong"));
  g_assert_true (is_doubled ("_Cancel Cancel"));
  g_assert_true (is_doubled ("This _Week This Week"));
  g_assert_false (is_doubled ("Recovery Target"));
  g_assert_false (is_doubled ("Who is at the desk"));
  g_assert_false (is_doubled ("Pick the day of the follow-up"));
}

static gboolean
focus_in_editor (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));

  return focus != NULL && gtk_widget_get_ancestor (focus, AMENDS_TYPE_CASE_EDITOR) != NULL;
}

static gboolean
focus_in_list (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  GtkWidget *list = case_list_view (fixture);

  return focus != NULL && (focus == list || gtk_widget_is_ancestor (focus, list));
}

/* F6 moves between the list and the case (documented in the shortcuts
 * window), pressed as a person does, through the X server. */
static void
test_f6_moves_from_list_to_case (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *focus;

  open_first_case (fixture);
  gtk_widget_grab_focus (case_list_view (fixture));
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == case_list_view (fixture) || gtk_widget_is_ancestor (focus, case_list_view (fixture)));

  if (!amends_ui_test_press_keys (GTK_WINDOW (fixture->window), "F6"))
    {
      g_test_skip ("No X server and xdotool to press keys with");
      return;
    }

  amends_ui_test_wait_until (focus_in_editor, fixture);

  /* And back: F6 from the case returns to the list. */
  g_assert_true (amends_ui_test_press_keys (GTK_WINDOW (fixture->window), "F6"));
  amends_ui_test_wait_until (focus_in_list, fixture);
}

/* The shortcuts window has a title, and documents F6. */
static void
test_shortcuts_window_documents_f6 (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  gboolean found = FALSE;

  g_assert_nonnull (overlay);
  g_assert_cmpstr (gtk_window_get_title (overlay), ==, "Keyboard Shortcuts");

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "title", &title, "accelerator", &accelerator, NULL);
      if (g_strcmp0 (accelerator, "F6") == 0)
        {
          g_assert_cmpstr (title, ==, "Move between the list and the case");
          found = TRUE;
        }
    }

  g_assert_true (found);
  gtk_window_destroy (overlay);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *runtime_dir = NULL;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  data_home = g_dir_make_tmp ("amends-ui-a11y-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* at-spi-bus-launcher puts the accessibility bus's socket in the
   * runtime folder, else in ~/.cache/at-spi: shared by every test run of
   * the same user at once, each launcher replacing the others' socket.
   * This run's own session bus starts ours with a folder of its own. */
  runtime_dir = g_dir_make_tmp ("amends-ui-a11y-run-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  {
    g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
    GVariantBuilder env;

    g_variant_builder_init (&env, G_VARIANT_TYPE ("a{ss}"));
    g_variant_builder_add (&env, "{ss}", "XDG_RUNTIME_DIR", runtime_dir);
    if (session != NULL)
      g_variant_unref (g_dbus_connection_call_sync (session, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                    "org.freedesktop.DBus", "UpdateActivationEnvironment",
                                                    g_variant_new ("(a{ss})", &env), NULL,
                                                    G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error));
    g_assert_no_error (error);
  }

  gtk_test_init (&argc, &argv, NULL);

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/a11y/name-rule", test_name_rule);
  g_test_add_func ("/ui/a11y/shortcuts-window-documents-f6", test_shortcuts_window_documents_f6);
  g_test_add ("/ui/a11y/empty-window-controls-named", Fixture, NULL,
              fixture_set_up, test_empty_window_controls_named, fixture_tear_down);
  g_test_add ("/ui/a11y/window-controls-named", Fixture, "demo",
              fixture_set_up, test_window_controls_named, fixture_tear_down);
  g_test_add ("/ui/a11y/no-match-controls-named", Fixture, "demo",
              fixture_set_up, test_no_match_controls_named, fixture_tear_down);
  g_test_add ("/ui/a11y/intake-controls-named", Fixture, NULL,
              fixture_set_up, test_intake_controls_named, fixture_tear_down);
  g_test_add ("/ui/a11y/preferences-controls-named", Fixture, NULL,
              fixture_set_up, test_preferences_controls_named, fixture_tear_down);
  g_test_add ("/ui/a11y/f6-moves-from-list-to-case", Fixture, "demo",
              fixture_set_up, test_f6_moves_from_list_to_case, fixture_tear_down);
  g_test_add ("/ui/a11y/history-controls-named", Fixture, "demo",
              fixture_set_up, test_history_controls_named, fixture_tear_down);

  status = g_test_run ();

  g_object_unref (app);
  {
    g_autofree char *amends_data = g_build_filename (data_home, "amends", NULL);

    g_autofree char *at_spi = g_build_filename (runtime_dir, "at-spi", NULL);

    remove_tree (amends_data);
    g_rmdir (data_home);
    /* The launcher's socket, once the bus has gone with the session. */
    remove_tree (at_spi);
    remove_tree (runtime_dir);
  }

  return status;
}
