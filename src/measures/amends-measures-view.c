/* amends-measures-view.c: the Measures dashboard
 *
 * "Recovery objectives must be set, monitored and displayed throughout the
 * workplace" and "put recovery expectations into every leader's
 * performance plan" (seeds/004).  For one period (a week by default, or
 * a month, a quarter, a year, four weeks or any days): the two headline
 * measures in large type against their targets and the period before,
 * the figures around them as tiles, the trend (eight weeks around a
 * week; the weeks, months or years of a longer period), and the
 * measures per owner, team and category, which can be exported as CSV.
 *
 * Figures come from amends-store-measures.c, which says what each one
 * counts; this view only shows them.  It follows the store
 * (::changes-committed, coalesced in an idle) and the targets in
 * GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-measures-view"

#include "config.h"

#include "amends-measures-view.h"

#include <string.h>
#include <glib/gi18n.h>

#include "amends-accessible.h"
#include "amends-csv-measures.h"
#include "amends-headline-card.h"
#include "amends-lessons-section.h"
#include "amends-measure-tile.h"
#include "amends-measures-format.h"
#include "amends-measures-sheet.h"
#include "amends-measures-table.h"
#include "amends-period.h"
#include "amends-when.h"

#define N_TREND_WEEKS 8
/* How long after a save the figures are measured again. */
#define RELOAD_DELAY_MS 300
#define N_TILES (AMENDS_MEASURES_TILE_RULE_BENDS + 1)
#define N_HEADLINES 2

struct _AmendsMeasuresView
{
  GtkWidget            parent_instance;

  AmendsStore         *store;
  GSettings           *settings;
  AmendsPeriod        *period;
  char                *period_text;
  guint                reload_source;
  GCancellable        *cancellable;
  gboolean             up_to_date;
  gboolean             syncing_unit;    /* the unit shown follows the period */
  GPtrArray           *trend_labels;    /* of the measuring under way */
  AmendsPeriodTrend    trend_unit;
  GCancellable        *export_cancellable;

  AmendsMeasureTile   *tiles[N_TILES];

  /* template */
  GtkWidget           *scroller;
  GtkMenuButton       *period_button;
  GtkDropDown         *unit_dropdown;
  GtkMenuButton       *range_button;
  GtkPopover          *range_popover;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkLabel            *range_error;
  GtkWidget           *range_show_button;
  GtkLabel            *export_label;
  GtkLabel            *trend_heading;
  GtkLabel            *trend_caption;
  GtkLabel            *error_label;
  GtkWidget           *empty_hint;
  GtkWidget           *glance_heading;
  GtkWidget           *headline_box;
  AmendsHeadlineCard  *headlines[N_HEADLINES];
  GtkFlowBox          *tile_box;
  AmendsTrendChart    *trend_chart;
  AmendsMeasuresTable *owner_table;
  AmendsMeasuresTable *category_table;
  AmendsMeasuresTable *team_table;
  AmendsLessonsSection *lessons_section;
};

G_DEFINE_FINAL_TYPE (AmendsMeasuresView, amends_measures_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UP_TO_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers */

static void
show_error (AmendsMeasuresView *self,
            const GError       *error)
{
  /* Translators: above the dashboard when the figures could not be read */
  g_autofree char *text = g_strdup_printf (_("The measures could not be read: %s"), error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Tiles */

/* @period_over: the period shown is over, and its open counts are as it
 * ended. */
static void
update_tiles (AmendsMeasuresView   *self,
              const AmendsMeasures *m,
              gboolean              period_over)
{
  g_autofree char *currency = g_settings_get_string (self->settings, "currency");

  for (guint i = 0; i < N_TILES; i++)
    amends_measure_tile_show (self->tiles[i], m, period_over, currency);
}

/* A period without a case: one line that says what the figures wait for,
 * instead of two cards and ten tiles of dashes and zeros. */
static void
show_empty_hint (AmendsMeasuresView *self,
                 gboolean            empty)
{
  gtk_widget_set_visible (self->empty_hint, empty);
  gtk_widget_set_visible (self->headline_box, !empty);
  gtk_widget_set_visible (self->glance_heading, !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->tile_box), !empty);
}

/* Loading */

/* The choices of the unit drop-down, in its order. */
static const AmendsPeriodKind unit_kinds[] = {
  AMENDS_PERIOD_WEEK, AMENDS_PERIOD_MONTH, AMENDS_PERIOD_QUARTER, AMENDS_PERIOD_YEAR,
};
#define UNIT_CUSTOM G_N_ELEMENTS (unit_kinds)

static guint
unit_for_kind (AmendsPeriodKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_kinds); i++)
    if (unit_kinds[i] == kind)
      return i;

  /* Four weeks from the menu, or any days. */
  return UNIT_CUSTOM;
}

static void
update_period_label (AmendsMeasuresView *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(AmendsPeriod) next = NULL;

  g_free (self->period_text);
  self->period_text = amends_period_dup_label (self->period);
  gtk_menu_button_set_label (self->period_button, self->period_text);

  self->syncing_unit = TRUE;
  gtk_drop_down_set_selected (self->unit_dropdown, unit_for_kind (amends_period_get_kind (self->period)));
  self->syncing_unit = FALSE;

  /* Nothing to see in a period that has not begun. */
  now = self->store != NULL ? amends_store_dup_now (self->store) : g_date_time_new_now_local ();
  next = amends_period_shift (self->period, 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.next",
                                 g_date_time_compare (amends_period_get_from (next), now) <= 0);
}

/* What the trend's points are: see amends_period_dup_trend(). */
static void
update_trend_heading (AmendsMeasuresView *self)
{
  AmendsPeriodKind kind = amends_period_get_kind (self->period);
  const char *heading, *caption;

  if (kind == AMENDS_PERIOD_WEEK || kind == AMENDS_PERIOD_FOUR_WEEKS)
    {
      heading = _("Week by Week");
      caption = _("The last eight weeks of the period, against the targets.");
    }
  else if (self->trend_unit == AMENDS_PERIOD_TREND_WEEKS)
    {
      heading = _("Week by Week");
      /* Translators: under the heading of the trend chart of a month, a quarter or a range of days */
      caption = _("The weeks of the period, against the targets; a week cut by the period’s start or end counts only its days in the period.");
    }
  else if (self->trend_unit == AMENDS_PERIOD_TREND_MONTHS)
    {
      heading = _("Month by Month");
      caption = _("The months of the period, against the targets.");
    }
  else
    {
      heading = _("Year by Year");
      caption = _("The years of the period, against the targets.");
    }

  gtk_label_set_text (self->trend_heading, heading);
  gtk_label_set_text (self->trend_caption, caption);
}

/* Shows a sheet measured in a worker thread; see start_measuring(). */
static void
show_sheet (AmendsMeasuresView        *self,
            const AmendsMeasuresSheet *sheet)
{
  const AmendsMeasures *m = &sheet->period;
  const AmendsMeasures *before = &sheet->before;
  const char *compare = amends_period_get_compare_text (self->period);
  int hours, target_within, target_blown;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  hours = g_settings_get_int (self->settings, "recovery-target-hours");
  target_within = g_settings_get_int (self->settings, "target-recovered-within");
  target_blown = g_settings_get_int (self->settings, "target-blown-away");

  amends_headline_card_show_recovered_within (self->headlines[AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN],
                                              m, before, hours, target_within, compare);
  amends_headline_card_show_blown_away (self->headlines[AMENDS_MEASURES_HEADLINE_BLOWN_AWAY],
                                        m, before, target_blown, compare);
  update_tiles (self, m, m->as_of < sheet->now);
  show_empty_hint (self, m->n_happened == 0);

  amends_trend_chart_set_target_hours (self->trend_chart, hours);
  amends_trend_chart_set_targets (self->trend_chart, target_within, target_blown);
  amends_trend_chart_set_spans (self->trend_chart, sheet->spans, self->trend_labels);
  update_trend_heading (self);

  amends_measures_table_fill (self->owner_table, AMENDS_MEASURE_BY_OWNER, sheet->owners, hours);
  amends_measures_table_fill (self->team_table, AMENDS_MEASURE_BY_TEAM, sheet->teams, hours);
  amends_measures_table_fill (self->category_table, AMENDS_MEASURE_BY_CATEGORY, sheet->categories, hours);
}

static void
set_up_to_date (AmendsMeasuresView *self,
                gboolean            up_to_date)
{
  if (self->up_to_date == up_to_date)
    return;

  self->up_to_date = up_to_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UP_TO_DATE]);
}

static void
on_sheet_measured_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  GWeakRef *weak = data;
  g_autoptr(AmendsMeasuresView) self = g_weak_ref_get (weak);
  g_autoptr(AmendsMeasuresSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  sheet = amends_measures_sheet_measure_finish (result, &error);
  /* Superseded by a newer measurement, or the view is gone. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (sheet != NULL)
    show_sheet (self, sheet);
  else
    show_error (self, error);
  set_up_to_date (self, TRUE);
}

/* Measures the period, the one before, the trend's weeks and the tables
 * in a worker thread; the figures shown stay until the new ones come. */
static void
start_measuring (AmendsMeasuresView *self)
{
  g_autoptr(AmendsPeriod) before = amends_period_shift (self->period, -1);
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autoptr(GPtrArray) bounds = NULL;
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_assert (self->cancellable == NULL);

  /* The trend: the eight weeks that end with a week's, or the weeks,
   * months or years of a longer period (see amends_period_dup_trend()). */
  g_clear_pointer (&self->trend_labels, g_ptr_array_unref);
  bounds = amends_period_dup_trend (self->period, now, &self->trend_unit, &self->trend_labels);

  /* Weak: a view closed meanwhile is not kept alive for its figures. */
  g_weak_ref_init (weak, self);
  self->cancellable = g_cancellable_new ();
  amends_measures_sheet_measure_spans_async (self->store,
                                             amends_period_get_from (self->period),
                                             amends_period_get_until (self->period),
                                             amends_period_get_from (before),
                                             amends_period_get_until (before),
                                             bounds,
                                             AMENDS_MEASURES_SHEET_BEFORE |
                                             AMENDS_MEASURES_SHEET_SPANS |
                                             AMENDS_MEASURES_SHEET_TABLES,
                                             self->cancellable, on_sheet_measured_cb, weak);
  amends_lessons_section_measure (self->lessons_section, self->store, amends_period_get_from (self->period),
                                  amends_period_get_until (self->period));
}

/* The figures shown are no longer those of the period and the cases as
 * they are: whatever was being measured is of no use any more. */
static void
invalidate (AmendsMeasuresView *self)
{
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  set_up_to_date (self, FALSE);
}

/**
 * amends_measures_view_reload:
 *
 * Measures the period again: at once if the view is shown, otherwise
 * when it next is.
 */
void
amends_measures_view_reload (AmendsMeasuresView *self)
{
  g_return_if_fail (AMENDS_IS_MEASURES_VIEW (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  update_period_label (self);

  if (self->store == NULL)
    return;

  invalidate (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_measuring (self);
}

static gboolean
reload_cb (gpointer data)
{
  AmendsMeasuresView *self = data;

  self->reload_source = 0;
  amends_measures_view_reload (self);

  return G_SOURCE_REMOVE;
}

/* After a commit or a change of targets: once things settle, as a save
 * often comes with others. */
static void
queue_reload (AmendsMeasuresView *self)
{
  invalidate (self);
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

static void
on_changes_committed_cb (AmendsMeasuresView *self)
{
  queue_reload (self);
}

static void
on_settings_changed_cb (AmendsMeasuresView *self,
                        const char         *key,
                        GSettings          *settings)
{
  if (g_str_equal (key, "recovery-target-hours") ||
      g_str_equal (key, "target-recovered-within") ||
      g_str_equal (key, "target-blown-away") ||
      g_str_equal (key, "currency"))
    queue_reload (self);
}

static void
set_period (AmendsMeasuresView *self,
            AmendsPeriod       *period)
{
  g_set_object (&self->period, period);
  amends_measures_view_reload (self);
}

/* Alt+Left and Alt+Right, wherever the focus is while the view is shown
 * (after a click on the view switcher it stays in the header): a managed
 * shortcut is the window's, not the focus chain's.  Hidden, the view lets
 * the keys go on to whatever else wants them. */
static gboolean
shift_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action (widget, (const char *) data, NULL);
}

static void
add_shift_shortcuts (AmendsMeasuresView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "amends-measures-period-keys");
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, GDK_ALT_MASK),
                                                          gtk_callback_action_new (shift_shortcut_cb,
                                                                                   (gpointer) "measures.previous",
                                                                                   NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Right, GDK_ALT_MASK),
                                                          gtk_callback_action_new (shift_shortcut_cb,
                                                                                   (gpointer) "measures.next",
                                                                                   NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Actions */

static void
shift_action (AmendsMeasuresView *self,
              int                 steps)
{
  g_autoptr(AmendsPeriod) period = amends_period_shift (self->period, steps);

  set_period (self, period);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shift_action (AMENDS_MEASURES_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  shift_action (AMENDS_MEASURES_VIEW (widget), 1);
}

static void
period_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GDateTime) now = self->store != NULL ? amends_store_dup_now (self->store)
                                                 : g_date_time_new_now_local ();
  g_autoptr(GDateTime) week = amends_iso_week_start (now);
  g_autoptr(AmendsPeriod) period = amends_period_new_named (name, now, week);

  if (period == NULL)
    {
      g_warning ("Unknown period “%s”", name);
      return;
    }

  set_period (self, period);
}

/* A unit chosen: the week, month, quarter or year that holds the end of
 * the period shown (or now, if that is still to come). */
static void
on_unit_selected_cb (AmendsMeasuresView *self)
{
  guint unit = gtk_drop_down_get_selected (self->unit_dropdown);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(AmendsPeriod) period = NULL;

  if (self->syncing_unit || unit == GTK_INVALID_LIST_POSITION)
    return;

  if (unit >= UNIT_CUSTOM)
    {
      gtk_menu_button_popup (self->range_button);
      return;
    }

  now = self->store != NULL ? amends_store_dup_now (self->store) : g_date_time_new_now_local ();
  last = g_date_time_add_seconds (amends_period_get_until (self->period), -1);
  period = amends_period_new_around (unit_kinds[unit], g_date_time_compare (last, now) > 0 ? now : last);
  set_period (self, period);
}

/* The range's entries start from the period shown, as ISO dates in every
 * language: that is what they read. */
static void
on_range_popover_show_cb (AmendsMeasuresView *self)
{
  g_autoptr(GDateTime) last = g_date_time_add_seconds (amends_period_get_until (self->period), -1);
  g_autofree char *from = g_date_time_format (amends_period_get_from (self->period), "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (last, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  gtk_widget_set_visible (GTK_WIDGET (self->range_error), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
}

/* "2026-10-01", or anything the case editor's "when" reads ("1 Oct",
 * "yesterday"). */
static gboolean
parse_entry_day (AmendsMeasuresView *self,
                 GtkEntry           *entry,
                 GDate              *day)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (amends_period_parse_day (text, day))
    return TRUE;

  now = self->store != NULL ? amends_store_dup_now (self->store) : g_date_time_new_now_local ();
  if (!(when = amends_when_parse (text, now, NULL)))
    return FALSE;

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));
  return TRUE;
}

static void
show_range_error (AmendsMeasuresView *self,
                  GtkEntry           *entry,
                  const char         *message)
{
  gtk_label_set_text (self->range_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->range_error), TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static void
show_range_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (widget);
  g_autoptr(AmendsPeriod) period = NULL;
  g_autoptr(GError) error = NULL;
  GDate first, last;

  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->from_entry), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->to_entry), GTK_ACCESSIBLE_STATE_INVALID);

  if (!parse_entry_day (self, self->from_entry, &first))
    {
      show_range_error (self, self->from_entry, _("The first day is not a date: write it as 2026-10-01."));
      return;
    }
  if (!parse_entry_day (self, self->to_entry, &last))
    {
      show_range_error (self, self->to_entry, _("The last day is not a date: write it as 2026-12-31."));
      return;
    }
  if (!(period = amends_period_new_days (&first, &last, NULL, &error)))
    {
      show_range_error (self, self->to_entry, error->message);
      return;
    }

  gtk_popover_popdown (self->range_popover);
  set_period (self, period);
}

/* Export */

typedef struct
{
  GWeakRef  view;
  GFile    *file;
  char     *period_name;
  char     *text;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_weak_ref_clear (&job->view);
  g_clear_object (&job->file);
  g_free (job->period_name);
  g_free (job->text);
  g_free (job);
}

static void
show_export_result (AmendsMeasuresView *self,
                    ExportJob          *job,
                    const GError       *error)
{
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *text = NULL;

  if (error != NULL)
    /* Translators: under the period when the CSV file could not be written */
    text = g_strdup_printf (_("The measures could not be exported: %s"), error->message);
  else
    /* Translators: under the period once the CSV file is written; %s is its name */
    text = g_strdup_printf (_("The measures of %s were exported to “%s”."), job->period_name, name);

  gtk_label_set_text (self->export_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->export_label), TRUE);
}

static void
on_export_written_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  ExportJob *job = data;
  g_autoptr(AmendsMeasuresView) self = g_weak_ref_get (&job->view);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents_finish (G_FILE (source), result, NULL, &error);
  if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_export_result (self, job, error);
  export_job_free (job);
}

/* The tables measured in a worker thread: written, as the case export is,
 * beside the file and renamed over it. */
static void
on_export_measured_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  ExportJob *job = data;
  g_autoptr(AmendsMeasuresView) self = g_weak_ref_get (&job->view);
  g_autoptr(AmendsMeasuresSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  sheet = amends_measures_sheet_measure_finish (result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      export_job_free (job);
      return;
    }
  if (sheet == NULL)
    {
      show_export_result (self, job, error);
      export_job_free (job);
      return;
    }

  job->text = amends_csv_measures_format (sheet, job->period_name);
  g_file_replace_contents_async (job->file, job->text, strlen (job->text), NULL, FALSE,
                                 G_FILE_CREATE_REPLACE_DESTINATION, self->export_cancellable,
                                 on_export_written_cb, job);
}

/**
 * amends_measures_view_export_csv:
 * @file: where to write
 *
 * Writes the measures of the period shown, per owner, team and category,
 * to @file as CSV (see amends-csv-measures.c); measured in a worker
 * thread, written asynchronously.  The view says under the period when
 * it is done.
 */
void
amends_measures_view_export_csv (AmendsMeasuresView *self,
                                 GFile              *file)
{
  ExportJob *job;

  g_return_if_fail (AMENDS_IS_MEASURES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);

  job = g_new0 (ExportJob, 1);
  g_weak_ref_init (&job->view, self);
  job->file = g_object_ref (file);
  job->period_name = amends_period_dup_name (self->period);

  gtk_widget_set_visible (GTK_WIDGET (self->export_label), FALSE);
  if (self->export_cancellable == NULL)
    self->export_cancellable = g_cancellable_new ();
  amends_measures_sheet_measure_spans_async (self->store,
                                             amends_period_get_from (self->period),
                                             amends_period_get_until (self->period),
                                             NULL, NULL, NULL,
                                             AMENDS_MEASURES_SHEET_TABLES,
                                             self->export_cancellable, on_export_measured_cb, job);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       gpointer         data)
{
  g_autoptr(AmendsMeasuresView) self = g_weak_ref_get (data);
  g_autoptr(GFile) file = NULL;

  g_weak_ref_clear (data);
  g_free (data);

  if (self != NULL && response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    amends_measures_view_export_csv (self, file);

  g_object_unref (chooser);
}

/* "measures-2026-10-01-2026-12-31.csv" */
static char *
dup_export_name (AmendsMeasuresView *self)
{
  g_autoptr(GDateTime) last = g_date_time_add_seconds (amends_period_get_until (self->period), -1);
  g_autofree char *from = g_date_time_format (amends_period_get_from (self->period), "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (last, "%Y-%m-%d");

  /* Translators: the file name offered for the measures' CSV; the first
   * %s is the period's first day, the second its last */
  return g_strdup_printf (_("measures-%s-%s.csv"), from, to);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = dup_export_name (self);
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  chooser = gtk_file_chooser_native_new (_("Export Measures as CSV"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_weak_ref_init (weak, self);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), weak);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  amends_measures_view_reload (AMENDS_MEASURES_VIEW (widget));
}

/* GObject */

static void
amends_measures_view_dispose (GObject *object)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_MEASURES_VIEW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amends_measures_view_parent_class)->dispose (object);
}

/* Figures that went stale while hidden are measured as the view shows. */
static void
amends_measures_view_map (GtkWidget *widget)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (widget);

  GTK_WIDGET_CLASS (amends_measures_view_parent_class)->map (widget);

  if (self->store != NULL && !self->up_to_date && self->cancellable == NULL && self->reload_source == 0)
    start_measuring (self);
}

static void
amends_measures_view_finalize (GObject *object)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (object);

  g_clear_object (&self->period);
  g_clear_pointer (&self->period_text, g_free);
  g_clear_pointer (&self->trend_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (amends_measures_view_parent_class)->finalize (object);
}

static void
amends_measures_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_UP_TO_DATE:
      g_value_set_boolean (value, self->up_to_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_measures_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      amends_measures_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_measures_view_class_init (AmendsMeasuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_measures_view_dispose;
  object_class->finalize = amends_measures_view_finalize;
  object_class->get_property = amends_measures_view_get_property;
  object_class->set_property = amends_measures_view_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * AmendsMeasuresView:up-to-date:
   *
   * Whether the figures shown are those of the period and the cases as
   * they are now.  FALSE from a change (of the period, the cases or the
   * targets) until the new figures are shown; they are measured only
   * while the view is shown.
   */
  properties [PROP_UP_TO_DATE] =
    g_param_spec_boolean ("up-to-date", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = amends_measures_view_map;

  g_type_ensure (AMENDS_TYPE_TREND_CHART);
  g_type_ensure (AMENDS_TYPE_HEADLINE_CARD);
  g_type_ensure (AMENDS_TYPE_MEASURES_TABLE);
  g_type_ensure (AMENDS_TYPE_LESSONS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-measures-view.ui");

  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, period_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, range_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, range_popover);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, range_error);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, range_show_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, export_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, trend_heading);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, trend_caption);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, empty_hint);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, glance_heading);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, headline_box);
  gtk_widget_class_bind_template_child_full (widget_class, "tiles", FALSE,
                                             G_STRUCT_OFFSET (AmendsMeasuresView, tile_box));
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, owner_table);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, category_table);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, team_table);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, lessons_section);
  gtk_widget_class_bind_template_child_full (widget_class, "recovered_card", FALSE,
                                             G_STRUCT_OFFSET (AmendsMeasuresView,
                                                              headlines[AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN]));
  gtk_widget_class_bind_template_child_full (widget_class, "blown_card", FALSE,
                                             G_STRUCT_OFFSET (AmendsMeasuresView,
                                                              headlines[AMENDS_MEASURES_HEADLINE_BLOWN_AWAY]));

  gtk_widget_class_install_action (widget_class, "measures.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "measures.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "measures.period", "s", period_action);
  gtk_widget_class_install_action (widget_class, "measures.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "measures.show-range", NULL, show_range_action);
  gtk_widget_class_install_action (widget_class, "measures.export-csv", NULL, export_csv_action);

  /* Alt+Left and Alt+Right: see add_shift_shortcuts(). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "measures.refresh", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "measuresview");
}

static void
amends_measures_view_init (AmendsMeasuresView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) week = NULL;
  g_autoptr(GDateTime) until = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_shift_shortcuts (self);
  gtk_popover_set_default_widget (self->range_popover, self->range_show_button);
  g_signal_connect_object (self->unit_dropdown, "notify::selected",
                           G_CALLBACK (on_unit_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->range_popover, "show",
                           G_CALLBACK (on_range_popover_show_cb), self, G_CONNECT_SWAPPED);
  /* Translators: the accessible name of the unit drop-down, as in the .ui */
  amends_accessible_name_drop_down (self->unit_dropdown, _("Period length"));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < N_TILES; i++)
    {
      self->tiles[i] = AMENDS_MEASURE_TILE (amends_measure_tile_new (i));
      gtk_flow_box_append (self->tile_box, GTK_WIDGET (self->tiles[i]));
    }

  week = amends_iso_week_start (now);
  until = g_date_time_add_weeks (week, 1);
  self->period = amends_period_new_full (AMENDS_PERIOD_WEEK, week, until);
  update_period_label (self);
}

GtkWidget *
amends_measures_view_new (void)
{
  return g_object_new (AMENDS_TYPE_MEASURES_VIEW, NULL);
}

AmendsStore *
amends_measures_view_get_store (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return self->store;
}

/**
 * amends_measures_view_set_store:
 *
 * Gives the view its store, once; it shows the week that is now by the
 * store's clock.
 */
void
amends_measures_view_set_store (AmendsMeasuresView *self,
                                AmendsStore        *store)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(AmendsPeriod) period = NULL;

  g_return_if_fail (AMENDS_IS_MEASURES_VIEW (self));
  g_return_if_fail (store == NULL || AMENDS_IS_STORE (store));

  if (self->store == store)
    return;
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changes-committed",
                           G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);

  now = amends_store_dup_now (store);
  from = amends_iso_week_start (now);
  until = g_date_time_add_weeks (from, 1);
  period = amends_period_new_full (AMENDS_PERIOD_WEEK, from, until);
  set_period (self, period);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

/**
 * amends_measures_view_set_period:
 * @from: the period's first moment
 * @until: the moment after its last
 *
 * Shows [from, until).  A week, four weeks from a Monday or a calendar
 * year is recognised as such, so that previous and next move by as much.
 */
void
amends_measures_view_set_period (AmendsMeasuresView *self,
                                 GDateTime          *from,
                                 GDateTime          *until)
{
  g_autoptr(AmendsPeriod) period = NULL;

  g_return_if_fail (AMENDS_IS_MEASURES_VIEW (self));
  g_return_if_fail (from != NULL && until != NULL);
  g_return_if_fail (g_date_time_compare (from, until) < 0);

  period = amends_period_new (from, until);
  set_period (self, period);
}

/* The period shown, for the printout of the same. */
AmendsPeriod *
amends_measures_view_get_period (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return self->period;
}

GDateTime *
amends_measures_view_get_from (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return amends_period_get_from (self->period);
}

GDateTime *
amends_measures_view_get_until (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return amends_period_get_until (self->period);
}

/* "Week 47 · 16–22 Nov 2026", as the period picker shows it */
const char *
amends_measures_view_get_period_text (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return self->period_text;
}

/* The card of a headline measure, for its figure, target and change. */
AmendsHeadlineCard *
amends_measures_view_get_headline (AmendsMeasuresView     *self,
                                   AmendsMeasuresHeadline  headline)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (headline < N_HEADLINES, NULL);

  return self->headlines[headline];
}

AmendsMeasureTile *
amends_measures_view_get_tile (AmendsMeasuresView *self,
                               AmendsMeasuresTile  tile)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (tile < N_TILES, NULL);

  return self->tiles[tile];
}

/* The owner, team or category table. */
AmendsMeasuresTable *
amends_measures_view_get_table (AmendsMeasuresView *self,
                                AmendsMeasureBy     by)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  switch (by)
    {
    case AMENDS_MEASURE_BY_OWNER: return self->owner_table;
    case AMENDS_MEASURE_BY_TEAM:  return self->team_table;
    default:                      return self->category_table;
    }
}

AmendsTrendChart *
amends_measures_view_get_trend_chart (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return self->trend_chart;
}

/**
 * amends_measures_view_get_up_to_date:
 *
 * Returns: whether the figures shown are those of the period and the
 *   cases as they are; see #AmendsMeasuresView:up-to-date
 */
gboolean
amends_measures_view_get_up_to_date (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), FALSE);

  return self->up_to_date;
}
