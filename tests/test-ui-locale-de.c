/* test-ui-locale-de.c: the case editor's cost and "when" fields under de_DE.UTF-8
 *
 * A German front desk types "12,50" and reads "1.250,00"; the "when"
 * field writes and reads the German forms.  The German messages are the
 * few of tests/locale/de/LC_MESSAGES/amends-test.po (the words and the
 * patterns of the "when" entries), not po/de.po.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "amends-case-editor.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsTestDb      db;
  gint64            case_id;
  GtkWindow        *window;
  AmendsCaseEditor *editor;
} Fixture;

static void
open_editor (Fixture *f)
{
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
close_editor (Fixture *f)
{
  gtk_window_destroy (f->window);
  amends_ui_test_drain ();
  g_assert_null (f->editor);
  g_assert_null (f->window);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* Monday 16 November 2026, two days before the tests' present (the
   * 18th, 10:00 UTC, the zone the editor writes in). */
  g_autoptr(GDateTime) when = amends_test_time ("2026-11-16T09:30:00Z");
  g_autoptr(AmendsCase) kase = NULL;

  amends_test_db_setup (&f->db, data);
  kase = amends_test_add_case (f->db.store, "Room not ready at check-in", when);
  f->case_id = amends_record_get_id (AMENDS_RECORD (kase));
  open_editor (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_editor (f);
  amends_test_db_teardown (&f->db, data);
}

static GtkWidget *
find_in (GtkWidget  *widget,
         const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_in (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
child (Fixture    *f,
       const char *id)
{
  GtkWidget *found = find_in (GTK_WIDGET (f->editor), id);

  g_assert_nonnull (found);
  return found;
}

static const char *
field_text (Fixture    *f,
            const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (child (f, id)));
}

static void
type_field (Fixture    *f,
            const char *id,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (f, id)), text);
  amends_case_editor_flush (f->editor, NULL);
  amends_ui_test_drain ();
}

static gint64
stored_cost (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCase) kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->case_id, &error);
  gint64 cost = -1;

  g_assert_no_error (error);
  g_object_get (kase, "surprise-cost-cents", &cost, NULL);
  return cost;
}

static char *
stored_occurred_at (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCase) kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->case_id, &error);

  g_assert_no_error (error);
  return g_date_time_format_iso8601 (amends_case_get_occurred_at (kase));
}

static void
reopen (Fixture *f)
{
  close_editor (f);
  open_editor (f);
}

static void
test_cost_with_decimal_comma (Fixture       *f,
                              gconstpointer  data)
{
  type_field (f, "cost_row", "12,50");
  g_assert_cmpint (stored_cost (f), ==, 1250);
  reopen (f);
  g_assert_cmpstr (field_text (f, "cost_row"), ==, "12,50");

  /* Thousands grouped with a full stop, as German writes them. */
  type_field (f, "cost_row", "1.250");
  g_assert_cmpint (stored_cost (f), ==, 125000);
  reopen (f);
  g_assert_cmpstr (field_text (f, "cost_row"), ==, "1.250,00");

  /* The decimal comma with three digits could be either: refused, said
   * so, and nothing saved. */
  type_field (f, "cost_row", "1,250");
  g_assert_true (gtk_widget_has_css_class (child (f, "cost_row"), "error"));
  g_assert_true (gtk_widget_get_visible (child (f, "cost_error_label")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (child (f, "cost_error_label"))),
                            "“1,250” could be 1.250 or 1,25"));
  g_assert_cmpint (stored_cost (f), ==, 125000);
}

static void
test_when_field_in_german (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *stored = NULL;

  /* Written with the test messages' pattern "%a., %-d. %b. %Y, %H:%M". */
  g_assert_cmpstr (field_text (f, "occurred_row"), ==, "Mo., 16. Nov. 2026, 09:30");

  type_field (f, "occurred_row", "gestern 14:30 Uhr");
  stored = stored_occurred_at (f);
  g_assert_cmpstr (stored, ==, "2026-11-17T14:30:00Z");
  reopen (f);
  g_assert_cmpstr (field_text (f, "occurred_row"), ==, "gestern 14:30 Uhr");

  /* What the field wrote reads back as it is: nothing changes. */
  type_field (f, "occurred_row", "Di., 17. Nov. 2026, 14:30");
  g_clear_pointer (&stored, g_free);
  stored = stored_occurred_at (f);
  g_assert_cmpstr (stored, ==, "2026-11-17T14:30:00Z");
  g_assert_false (gtk_widget_has_css_class (child (f, "occurred_row"), "error"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("LANGUAGE");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* After gtk_test_init(), which sets a locale of its own. */
  /* The build makes this locale in tests/locale/ (LOCPATH); without it
   * the test fails rather than passing without having looked. */
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    g_error ("de_DE.UTF-8 is not available (LOCPATH=%s)", g_getenv ("LOCPATH"));
  locale_dir = g_test_build_filename (G_TEST_BUILT, "locale", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/ui/locale-de/cost-with-decimal-comma", test_cost_with_decimal_comma);
  ADD_TEST ("/ui/locale-de/when-field-in-german", test_when_field_in_german);

  return g_test_run ();
}
