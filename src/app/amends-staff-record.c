/* amends-staff-record.c: a member of staff's recovery record, for reviews
 *
 * Recovery expectations belong in every performance review.  This window
 * shows one person's record over any period: the cases they own, how
 * many were recovered in time, the customers blown away, the stories
 * they are a hero of, the cases they helped on and the rules they bent,
 * and why; Save as PDF… puts the same on paper.  The figures are their
 * line of the Measures view's per-owner table (amends-store-staff-record.c),
 * counted on a worker thread with a read-only connection of its own, as
 * the Measures view counts: a period may hold a million cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-staff-record"

#include "config.h"

#include "amends-staff-record.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "amends-report-staff-record.h"
#include "amends-store-staff-record.h"

struct _AmendsStaffRecordWindow
{
  AdwWindow           parent_instance;

  AmendsStore        *store;
  gint64              staff_id;
  AmendsStaffRecord  *record;       /* the last one counted */
  GCancellable       *cancellable;  /* of the count running */
  GPtrArray          *rows;         /* rows added to the groups, to remove */

  AdwWindowTitle     *window_title;
  AdwEntryRow        *from_row;
  AdwEntryRow        *to_row;
  GtkLabel           *period_hint;
  AdwPreferencesGroup *figures_group;
  AdwPreferencesGroup *bends_group;
};

G_DEFINE_FINAL_TYPE (AmendsStaffRecordWindow, amends_staff_record, ADW_TYPE_WINDOW)

typedef struct
{
  AmendsStaffRecordReader *reader;
  gint64                   staff_id;
  GDateTime               *from;
  GDateTime               *until;
} Count;

static void
count_free (Count *count)
{
  amends_staff_record_reader_free (count->reader);
  g_date_time_unref (count->from);
  g_date_time_unref (count->until);
  g_free (count);
}

static GDateTime *
parse_day (const char *text)
{
  int y, m, d;
  char end;

  if (sscanf (text, "%d-%d-%d%c", &y, &m, &d, &end) != 3)
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

/* The range's entries read ISO dates (parse_day()), in every language. */
static char *
format_day (GDateTime *day)
{
  return g_date_time_format (day, "%Y-%m-%d");
}

static void
clear_rows (AmendsStaffRecordWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (AmendsStaffRecordWindow *self,
         AdwPreferencesGroup     *group,
         const char              *title,
         const char              *subtitle,
         const char              *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      /* A screen reader says the figure with its name. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value, -1);
    }

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
show_record (AmendsStaffRecordWindow *self)
{
  g_autoptr(GArray) figures = amends_staff_record_figures (self->record);
  g_autofree char *period = amends_staff_record_format_period (self->record);

  clear_rows (self);
  adw_window_title_set_subtitle (self->window_title, self->record->name);
  gtk_label_set_text (self->period_hint, period);

  for (guint i = 0; i < figures->len; i++)
    {
      AmendsStaffFigure *f = &g_array_index (figures, AmendsStaffFigure, i);
      add_row (self, self->figures_group, f->label, NULL, f->value);
    }

  if (self->record->bends->len == 0)
    add_row (self, self->bends_group, _("No rule was bent on their cases in this period."), NULL, NULL);
  for (guint i = 0; i < self->record->bends->len; i++)
    {
      AmendsRuleBend *bend = self->record->bends->pdata[i];
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (bend->occurred_at);
      /* Translators: a day, a g_date_time_format() format: "25 Nov 2026" */
      g_autofree char *day = g_date_time_format (when, _("%-d %b %Y"));
      /* Translators: a case with a rule bent: its reference, day and summary */
      g_autofree char *title = g_strdup_printf (_("%s, %s: %s"), bend->reference ? bend->reference : "",
                                                day, bend->summary ? bend->summary : "");
      /* Translators: the rule bent on a case, then why */
      g_autofree char *subtitle = g_strdup_printf (_("Rule: %s\nWhy: %s"),
                                                   bend->rule ? bend->rule : _("not named"),
                                                   bend->why ? bend->why : _("not written down"));
      add_row (self, self->bends_group, title, subtitle, NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-record.save-pdf", TRUE);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Count *count = task_data;
  g_autoptr(GError) error = NULL;
  AmendsStaffRecord *record;

  record = amends_staff_record_reader_read (count->reader, count->staff_id,
                                            count->from, count->until, &error);
  if (record == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, record, (GDestroyNotify) amends_staff_record_free);
}

static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  AmendsStaffRecord *record = g_task_propagate_pointer (G_TASK (result), &error);
  AmendsStaffRecordWindow *self;

  /* A count given up for a newer one, or for a window that closed. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      amends_staff_record_free (record);
      return;
    }

  self = AMENDS_STAFF_RECORD (source);
  g_clear_object (&self->cancellable);

  if (record == NULL)
    {
      gtk_label_set_text (self->period_hint, error->message);
      return;
    }

  g_clear_pointer (&self->record, amends_staff_record_free);
  self->record = record;
  show_record (self);
}

static void
count (AmendsStaffRecordWindow *self)
{
  g_autofree char *from_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_row))));
  g_autofree char *to_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_row))));
  g_autoptr(GDateTime) from = parse_day (from_text);
  g_autoptr(GDateTime) last = parse_day (to_text);
  g_autoptr(GTask) task = NULL;
  Count *c;

  gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");
  if (from == NULL || last == NULL || g_date_time_compare (last, from) < 0)
    {
      if (from == NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");
      if (last == NULL || (from != NULL && g_date_time_compare (last, from) < 0))
        gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");
      gtk_label_set_text (self->period_hint,
                          _("Write the days as 2026-05-01, the last on or after the first."));
      return;
    }

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  c = g_new0 (Count, 1);
  c->reader = amends_staff_record_reader_new (self->store);
  c->staff_id = self->staff_id;
  c->from = g_date_time_ref (from);
  c->until = g_date_time_add_days (last, 1);

  gtk_label_set_text (self->period_hint, _("Counting…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-record.save-pdf", FALSE);
  task = g_task_new (self, self->cancellable, on_counted_cb, NULL);
  g_task_set_task_data (task, c, (GDestroyNotify) count_free);
  g_task_run_in_thread (task, count_thread);
}

static char *
dup_organisation (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL)
    return NULL;
  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "organisation-name");
}

/**
 * amends_staff_record_save_to:
 *
 * Writes the record shown as a PDF: what the file chooser ends in, and
 * what tests call.
 */
gboolean
amends_staff_record_save_to (AmendsStaffRecordWindow  *self,
                             const char               *path,
                             GError                  **error)
{
  g_autofree char *organisation = dup_organisation ();
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);

  g_return_val_if_fail (AMENDS_IS_STAFF_RECORD (self), FALSE);
  g_return_val_if_fail (self->record != NULL, FALSE);

  return amends_staff_record_write_pdf (self->record, organisation, now, path, error);
}

static void
on_chosen_cb (AmendsStaffRecordWindow *self,
              int                      response,
              GtkFileChooserNative    *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !amends_staff_record_save_to (self, path, &error))
        gtk_label_set_text (self->period_hint, error->message);
    }

  g_object_unref (chooser);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AmendsStaffRecordWindow *self = AMENDS_STAFF_RECORD (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->record == NULL)
    return;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  chooser = gtk_file_chooser_native_new (_("Save Recovery Record"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name a staff record is offered under; %s is the person's name */
  name = g_strdup_printf (_("recovery-record-%s.pdf"), self->record->name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
amends_staff_record_dispose (GObject *object)
{
  AmendsStaffRecordWindow *self = (AmendsStaffRecordWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->record, amends_staff_record_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_STAFF_RECORD);

  G_OBJECT_CLASS (amends_staff_record_parent_class)->dispose (object);
}

static void
amends_staff_record_class_init (AmendsStaffRecordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_staff_record_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-staff-record.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRecordWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRecordWindow, from_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRecordWindow, to_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRecordWindow, period_hint);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRecordWindow, figures_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRecordWindow, bends_group);

  gtk_widget_class_install_action (widget_class, "staff-record.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "staff-record.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amends_staff_record_init (AmendsStaffRecordWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-record.save-pdf", FALSE);
  g_signal_connect_swapped (self->from_row, "apply", G_CALLBACK (count), self);
  g_signal_connect_swapped (self->to_row, "apply", G_CALLBACK (count), self);
  g_signal_connect_swapped (self->from_row, "entry-activated", G_CALLBACK (count), self);
  g_signal_connect_swapped (self->to_row, "entry-activated", G_CALLBACK (count), self);
}

/**
 * amends_staff_record_new:
 * @staff_id: whose record
 *
 * A window with the record of @staff_id from 1 January of this year to
 * today, counting as it opens; the period can be changed.
 */
AmendsStaffRecordWindow *
amends_staff_record_new (GtkWindow   *parent,
                         AmendsStore *store,
                         gint64       staff_id)
{
  AmendsStaffRecordWindow *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  self = g_object_new (AMENDS_TYPE_STAFF_RECORD, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->staff_id = staff_id;

  now = amends_store_dup_now (store);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (now);
    first = g_date_time_new_local (g_date_time_get_year (local), 1, 1, 0, 0, 0);
    today = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                   g_date_time_get_day_of_month (local), 0, 0, 0);
  }
  from = format_day (first);
  to = format_day (today);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  count (self);

  return self;
}

/* Whether a count is running, for tests to wait on. */
gboolean
amends_staff_record_is_busy (AmendsStaffRecordWindow *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_RECORD (self), FALSE);

  return self->cancellable != NULL;
}
