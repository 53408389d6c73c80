/* test-ui-history.c: a case's History window, opened and read as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include "amends-case-editor.h"
#include "amends-case-history.h"
#include "amends-history-entry.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsTestDb      db;
  gint64            ada_id;
  gint64            case_id;
  GtkWindow        *window;
  AmendsCaseEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(AmendsStaff) bilal = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GDateTime) when = amends_test_time ("2026-11-18T07:00:00Z");

  amends_test_db_setup (&f->db, data);

  ada = amends_test_add_staff (f->db.store, "Ada Moreau");
  bilal = amends_test_add_staff (f->db.store, "Bilal Okafor");
  f->ada_id = amends_record_get_id (AMENDS_RECORD (ada));

  /* Bilal logged the case; Ada is at the desk now. */
  amends_store_set_actor_id (f->db.store, amends_record_get_id (AMENDS_RECORD (bilal)));
  kase = amends_test_add_case (f->db.store, "Key card did not open the door", when);
  f->case_id = amends_record_get_id (AMENDS_RECORD (kase));
  amends_store_set_actor_id (f->db.store, f->ada_id);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (f->window, 800, 900);
  f->editor = AMENDS_CASE_EDITOR (amends_case_editor_new (f->db.store));
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  amends_case_editor_set_case_id (f->editor, f->case_id);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
  g_assert_null (f->editor);
  g_assert_null (f->window);

  amends_test_db_teardown (&f->db, data);
}

static GtkWidget *
find (GtkWidget  *widget,
      const char *id,
      GType       type)
{
  GtkWidget *found = amends_ui_test_find_child (widget, id, type);

  g_assert_nonnull (found);
  return found;
}

static AmendsCaseHistory *
find_history (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (AMENDS_IS_CASE_HISTORY (window))
        return AMENDS_CASE_HISTORY (window);
    }

  return NULL;
}

static guint
count_history_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      n += AMENDS_IS_CASE_HISTORY (window);
    }

  return n;
}

static gboolean
history_read (gpointer data)
{
  return !amends_case_history_get_busy (data);
}

/* The action of the item the case's "More Actions" menu names "History". */
static const char *
history_menu_action (Fixture *f)
{
  GtkMenuButton *more = GTK_MENU_BUTTON (find (GTK_WIDGET (f->editor), "more_button", GTK_TYPE_MENU_BUTTON));
  GMenuModel *menu = gtk_menu_button_get_menu_model (more);

  g_assert_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *label = NULL;
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          if (g_strcmp0 (label, "_History") == 0)
            return g_intern_string (action);
        }
    }

  g_assert_not_reached ();
}

static AmendsCaseHistory *
open_history (Fixture *f)
{
  AmendsCaseHistory *history;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), history_menu_action (f), NULL));
  amends_ui_test_drain ();

  history = find_history ();
  g_assert_nonnull (history);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (history)) == f->window);
  amends_ui_test_wait_until (history_read, history);

  return history;
}

/* The sentences the list shows, top to bottom, as one string a line. */
static char *
shown_sentences (AmendsCaseHistory *history)
{
  GtkListBox *list = GTK_LIST_BOX (find (GTK_WIDGET (history), "list_box", GTK_TYPE_LIST_BOX));
  GString *text = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *label = amends_ui_test_find_child (GTK_WIDGET (row), NULL, GTK_TYPE_LABEL);

      g_assert_nonnull (label);
      g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (label)));
    }

  return g_string_free (text, FALSE);
}

static void
choose (AmendsCaseHistory *history,
        const char        *dropdown_id,
        const char        *item)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (find (GTK_WIDGET (history), dropdown_id, GTK_TYPE_DROP_DOWN));
  GListModel *items = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (items, i);

      if (g_str_equal (gtk_string_object_get_string (string), item))
        {
          gtk_drop_down_set_selected (dropdown, i);
          amends_ui_test_drain ();
          return;
        }
    }

  g_assert_not_reached ();
}

/* Not g_nullify_pointer (): that writes a whole pointer into the flag, past
 * the end of a gboolean, which a stack-protected build stops as smashing. */
static void
clear_flag (gboolean *flag)
{
  *flag = FALSE;
}

static void
search (AmendsCaseHistory *history,
        const char        *text)
{
  GtkWidget *entry = find (GTK_WIDGET (history), "search_entry", GTK_TYPE_SEARCH_ENTRY);
  gint64 give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  gboolean changed = FALSE;
  gulong id;

  /* A search entry reports a change after a short delay of its own. */
  id = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (clear_flag), &changed);
  changed = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (changed && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, id);
  amends_ui_test_drain ();
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

/* Prints the history as shown to a PDF, checks its words, and keeps a
 * picture of its first page beside the screenshots. */
static void
print_to_pdf (AmendsCaseHistory *history,
              const char        *name)
{
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", amends_ui_test_screenshot_dir (), name);
  g_autofree char *png = g_strdup_printf ("%s/%s-page", amends_ui_test_screenshot_dir (), name);
  const char *text_argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  const char *png_argv[] = { "pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", pdf, png, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pictures = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");

  if (pdftotext == NULL || pdftoppm == NULL)
    {
      g_test_message ("poppler-utils are needed to read the printed history");
      return;
    }

  g_assert_true (amends_case_history_export_pdf (history, pdf, &error));
  g_assert_no_error (error);

  text = run (text_argv);
  g_assert_nonnull (strstr (text, "History of C-2026-00001"));
  g_assert_nonnull (strstr (text, "2 changes, the newest first"));
  g_assert_nonnull (strstr (text, "Ada Moreau set the fix to “New key card”"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  /* Only what the Texts filter shows. */
  g_assert_null (strstr (text, "Bilal Okafor"));

  pictures = run (png_argv);
}

static void
test_status_and_fix_in_words (Fixture       *f,
                              gconstpointer  data)
{
  AmendsCaseHistory *history;
  g_autofree char *all = NULL;
  g_autofree char *found = NULL;
  g_autofree char *timeline = NULL;
  g_autofree char *bilal = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *later = NULL;
  GtkTextBuffer *fix;
  GtkListBox *list;
  GtkListBoxRow *first_row;
  char *path;

  /* Start the recovery, then write the fix, and open the History at once:
   * what was typed is saved first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.start-recovery", NULL));
  amends_ui_test_drain ();
  fix = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (GTK_WIDGET (f->editor), "fix_view", GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (fix, "New key card", -1);

  history = open_history (f);
  all = shown_sentences (history);
  g_assert_cmpstr (all, ==,
                   "Ada Moreau set the fix to “New key card”\n"
                   "Ada Moreau added a timeline entry (Status report): “Status: In recovery”\n"
                   "Ada Moreau changed the status from Open to In recovery\n"
                   "Bilal Okafor logged the case C-2026-00001\n");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (history)), ==, "History of C-2026-00001");

  path = g_build_filename (amends_ui_test_screenshot_dir (), "history.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (history), path);
  g_free (path);

  /* The words narrow it... */
  search (history, "key card");
  found = shown_sentences (history);
  g_assert_cmpstr (found, ==, "Ada Moreau set the fix to “New key card”\n");
  search (history, "");

  /* ...and so do the kind and the person. */
  choose (history, "kind_dropdown", "Timeline");
  timeline = shown_sentences (history);
  g_assert_cmpstr (timeline, ==, "Ada Moreau added a timeline entry (Status report): “Status: In recovery”\n");
  choose (history, "kind_dropdown", "All Changes");
  choose (history, "person_dropdown", "Bilal Okafor");
  bilal = shown_sentences (history);
  g_assert_cmpstr (bilal, ==, "Bilal Okafor logged the case C-2026-00001\n");
  choose (history, "person_dropdown", "Everyone");

  /* A change while it is open shows; the Texts filter stays as chosen. */
  choose (history, "kind_dropdown", "Texts");
  list = GTK_LIST_BOX (find (GTK_WIDGET (history), "list_box", GTK_TYPE_LIST_BOX));
  first_row = gtk_list_box_get_row_at_index (list, 0);
  gtk_text_buffer_set_text (fix, "New key card and a late check-out", -1);
  amends_case_editor_flush (f->editor, NULL);
  amends_ui_test_drain ();
  amends_ui_test_wait_until (history_read, history);
  texts = shown_sentences (history);
  g_assert_cmpstr (texts, ==,
                   "Ada Moreau changed the fix from “New key card” to “New key card and a late check-out”\n"
                   "Ada Moreau set the fix to “New key card”\n");
  /* The new change is a new row on top; the one shown before stays. */
  g_assert_true (gtk_list_box_get_row_at_index (list, 1) == first_row);

  /* Print draws what is shown: the two changes of the fix, whole. */
  print_to_pdf (history, "history-texts");

  /* Asking again brings the same window forward, not a second one. */
  open_history (f);
  g_assert_cmpuint (count_history_windows (), ==, 1);
  later = shown_sentences (history);
  g_assert_cmpstr (later, ==, texts);
}

/* A long text is shortened in the list, and whole in an expander. */
static void
test_long_text_shortened (Fixture       *f,
                          gconstpointer  data)
{
  const char *lesson = "Key cards lose their code next to a phone: the desk now tells every guest "
                       "to keep them apart, and offers a sleeve with each card.";
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  AmendsCaseHistory *history;
  GtkListBox *list;
  GtkExpander *expander;
  GtkWidget *whole;
  const char *shown;
  g_autofree char *path = NULL;

  kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->case_id, &error);
  g_assert_no_error (error);
  g_object_set (kase, "lesson", lesson, NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  history = open_history (f);
  list = GTK_LIST_BOX (find (GTK_WIDGET (history), "list_box", GTK_TYPE_LIST_BOX));
  shown = gtk_label_get_text (GTK_LABEL (amends_ui_test_find_child (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                                                    NULL, GTK_TYPE_LABEL)));
  /* The first 60 characters of the lesson end inside "tells": up to the
   * word before, then "…". */
  g_assert_cmpstr (shown, ==,
                   "Ada Moreau set the lesson to “Key cards lose their code next to a phone: the desk now…”");

  expander = GTK_EXPANDER (amends_ui_test_find_child (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                                      NULL, GTK_TYPE_EXPANDER));
  g_assert_nonnull (expander);
  gtk_expander_set_expanded (expander, TRUE);
  amends_ui_test_drain ();
  whole = gtk_expander_get_child (expander);
  g_assert_true (gtk_widget_get_mapped (whole));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (whole)), "offers a sleeve with each card."));
  path = g_build_filename (amends_ui_test_screenshot_dir (), "history-whole-text.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (history), path);

  /* The row of a short change has none. */
  g_assert_null (amends_ui_test_find_child (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)),
                                            NULL, GTK_TYPE_EXPANDER));
}

static void
load_application_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_application_style ();

  g_test_add ("/ui/history/status-and-fix-in-words", Fixture, NULL,
              fixture_set_up, test_status_and_fix_in_words, fixture_tear_down);
  g_test_add ("/ui/history/long-text-shortened", Fixture, NULL,
              fixture_set_up, test_long_text_shortened, fixture_tear_down);

  return g_test_run ();
}
