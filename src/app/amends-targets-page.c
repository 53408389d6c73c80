/* amends-targets-page.c: recovery targets by severity and category, and
 * the office hours
 *
 * The targets live in the database (amends-store-targets.c), shared by
 * every desk on the same file, so this page reads and writes the store,
 * not the desk's settings.  Each change is saved at once; a case already
 * logged keeps the target it was given.
 *
 *  - a row for any other case and one per severity, in hours; a severity
 *    without a row of its own shows the one for any other case, and gets
 *    its own row once changed;
 *  - the category overrides, each with its hours (0: the severity's
 *    target, shown as "By severity"), whether its clock runs in office
 *    hours only, and a button to remove it; below them a way to add one;
 *  - the office hours, a row per weekday: open or closed, from and to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-targets-page"

#include "config.h"

#include "amends-targets-page.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "amends-store-targets.h"
#include "amends-utils.h"

/* The longest target a spin button offers: a month. */
#define MAX_HOURS (24 * 31)

/* The rows of the severity group, top to bottom; -1 is any other case. */
static const int severity_rows[] = {
  -1, AMENDS_SEVERITY_COLOSSAL, AMENDS_SEVERITY_MAJOR, AMENDS_SEVERITY_MODERATE, AMENDS_SEVERITY_MINOR,
};
#define N_SEVERITY_ROWS G_N_ELEMENTS (severity_rows)

/* What "Use Suggested" sets, in the order above (none for any other case). */
static const int suggested_hours[] = { 0, 2, 4, 24, 48 };

static const char * const weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

typedef struct
{
  GtkSwitch     *open;
  GtkSpinButton *opens;
  GtkSpinButton *closes;
} DayRow;

struct _AmendsTargetsPage
{
  AdwPreferencesPage   parent_instance;

  AmendsStore         *store;
  gboolean             loading;   /* values being shown, not typed */

  AdwActionRow        *severity_rows[N_SEVERITY_ROWS];
  GtkSpinButton       *severity_spins[N_SEVERITY_ROWS];
  GPtrArray           *override_rows;
  DayRow               days[7];

  /* template */
  AdwPreferencesGroup *severity_group;
  AdwPreferencesGroup *override_group;
  AdwActionRow        *no_override_row;
  AdwComboRow         *add_severity_row;
  AdwEntryRow         *add_row;
  AdwPreferencesGroup *office_group;
};

G_DEFINE_FINAL_TYPE (AmendsTargetsPage, amends_targets_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void amends_targets_page_load_overrides (AmendsTargetsPage *self);

/* Errors: a toast in the preferences window, as the Staff page does. */
static void
show_error (AmendsTargetsPage *self,
            const GError      *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *title = g_markup_escape_text (error->message, -1);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
    }
  else
    g_warning ("%s", error->message);
}

static const char *
severity_label (int severity)
{
  /* Translators: a recovery target that applies whatever the severity */
  return severity < 0 ? _("Any severity") : amends_severity_to_label (severity);
}

/* Spin buttons */

static void
label_widget (GtkWidget  *widget,
              const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkSpinButton *
spin_new (double      lower,
          double      upper,
          double      step,
          double      page,
          const char *label)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (lower, lower, upper, step, page, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, 0);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  if (label != NULL)
    label_widget (spin, label);

  return GTK_SPIN_BUTTON (spin);
}

/* An override's hours: 0 reads "By severity", the severity's target. */
static gboolean
on_override_hours_output_cb (GtkSpinButton *spin)
{
  int hours = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = NULL;

  /* Translators: an override without hours of its own takes the target of
   * the case's severity */
  text = hours == 0 ? g_strdup (_("By severity")) : g_strdup_printf ("%d", hours);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
on_override_hours_input_cb (GtkSpinButton *spin,
                            double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double hours = g_ascii_strtod (text, &end);

  /* Anything not a number, "By severity" among it, is 0. */
  *value = (end == text || hours < 0) ? 0 : hours;
  return TRUE;
}

/* A time of day, in minutes, shown as 09:00. */
static gboolean
on_time_output_cb (GtkSpinButton *spin)
{
  int minutes = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
on_time_input_cb (GtkSpinButton *spin,
                  double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  int hours = 0, minutes = 0;

  /* "9", "9:30", "09.30" */
  if (sscanf (text, "%d%*[:.h]%d", &hours, &minutes) < 1 ||
      hours < 0 || hours > 24 || minutes < 0 || minutes > 59)
    return GTK_INPUT_ERROR;

  *value = MIN (hours * 60 + minutes, 24 * 60);
  return TRUE;
}

static GtkSpinButton *
time_spin_new (const char *label)
{
  GtkSpinButton *spin = spin_new (0, 24 * 60, 30, 60, label);

  gtk_spin_button_set_numeric (spin, FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  g_signal_connect (spin, "output", G_CALLBACK (on_time_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_time_input_cb), NULL);

  return spin;
}

/* Severity targets */

static void
on_severity_changed_cb (GtkSpinButton     *spin,
                        AmendsTargetsPage *self)
{
  g_autoptr(GError) error = NULL;
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "index"));
  gint64 seconds = (gint64) gtk_spin_button_get_value_as_int (spin) * 3600;

  if (self->loading)
    return;

  if (!amends_store_set_target (self->store, NULL, severity_rows[index], seconds, FALSE, &error))
    show_error (self, error);
  adw_action_row_set_subtitle (self->severity_rows[index], NULL);
}

static void
build_severity_rows (AmendsTargetsPage *self)
{
  for (guint i = 0; i < N_SEVERITY_ROWS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      const char *title = severity_rows[i] < 0 ? _("Any Other Case") : amends_severity_to_label (severity_rows[i]);
      /* Named by its row's title alone, the row's activatable widget. */
      GtkSpinButton *spin = spin_new (1, MAX_HOURS, 1, 24, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (spin));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (C_("hours", "h")));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (spin));
      g_object_set_data (G_OBJECT (spin), "index", GINT_TO_POINTER (i));
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_severity_changed_cb), self);
      adw_preferences_group_add (self->severity_group, row);

      self->severity_rows[i] = ADW_ACTION_ROW (row);
      self->severity_spins[i] = spin;
    }
}

static const AmendsTarget *
find_target (GPtrArray  *targets,
             const char *category,
             int         severity)
{
  for (guint i = 0; i < targets->len; i++)
    {
      const AmendsTarget *target = targets->pdata[i];

      if (target->severity == severity && g_strcmp0 (target->category, category) == 0)
        return target;
    }

  return NULL;
}

static void
load_severities (AmendsTargetsPage *self,
                 GPtrArray         *targets)
{
  const AmendsTarget *any = find_target (targets, "", -1);
  gint64 fallback = any && any->seconds > 0 ? any->seconds
                  : (gint64) amends_store_get_recovery_target_hours (self->store) * 3600;

  for (guint i = 0; i < N_SEVERITY_ROWS; i++)
    {
      const AmendsTarget *own = find_target (targets, "", severity_rows[i]);
      gboolean has_own = own != NULL && own->seconds > 0;

      gtk_spin_button_set_value (self->severity_spins[i], (has_own ? own->seconds : fallback) / 3600);
      adw_action_row_set_subtitle (self->severity_rows[i],
                                   severity_rows[i] >= 0 && !has_own ? _("Same as any other case") : NULL);
    }
}

static void
use_suggested_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AmendsTargetsPage *self = AMENDS_TARGETS_PAGE (widget);

  /* Through the spin buttons, which save each; one that shows the
   * suggested hours already gets its own row all the same, so that it
   * stays when the target for any other case changes. */
  for (guint i = 0; i < N_SEVERITY_ROWS; i++)
    {
      if (suggested_hours[i] <= 0)
        continue;
      if (gtk_spin_button_get_value_as_int (self->severity_spins[i]) == suggested_hours[i])
        on_severity_changed_cb (self->severity_spins[i], self);
      else
        gtk_spin_button_set_value (self->severity_spins[i], suggested_hours[i]);
    }
}

/* Category overrides */

typedef struct
{
  char           *category;
  int             severity;
  GtkSpinButton  *hours;
  GtkCheckButton *office;
} Override;

static void
override_free (Override *override)
{
  g_free (override->category);
  g_free (override);
}

static void
save_override (AmendsTargetsPage *self,
               Override          *override)
{
  g_autoptr(GError) error = NULL;
  gint64 seconds = (gint64) gtk_spin_button_get_value_as_int (override->hours) * 3600;

  if (self->loading)
    return;

  if (!amends_store_set_target (self->store, override->category, override->severity, seconds,
                                gtk_check_button_get_active (override->office), &error))
    show_error (self, error);
}

static void
on_override_changed_cb (GtkWidget         *widget,
                        AmendsTargetsPage *self)
{
  save_override (self, g_object_get_data (G_OBJECT (widget), "override"));
}

static void
on_override_remove_cb (GtkButton         *button,
                       AmendsTargetsPage *self)
{
  Override *override = g_object_get_data (G_OBJECT (button), "override");
  g_autoptr(GError) error = NULL;

  if (!amends_store_remove_target (self->store, override->category, override->severity, &error))
    show_error (self, error);
  amends_targets_page_load_overrides (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static GtkWidget *
override_row_new (AmendsTargetsPage  *self,
                  const AmendsTarget *target)
{
  GtkWidget *row = adw_action_row_new ();
  Override *override = g_new0 (Override, 1);
  /* Not lower-cased: that is wrong for German nouns, and a screen reader
   * says the label the same either way. */
  const char *severity = severity_label (target->severity);
  g_autofree char *what = NULL;
  g_autofree char *hours_label = NULL;
  g_autofree char *office_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *remove;

  override->category = g_strdup (target->category);
  override->severity = target->severity;
  g_object_set_data_full (G_OBJECT (row), "override", override, (GDestroyNotify) override_free);

  /* Translators: an override, as in "Billing, Any severity" */
  what = g_strdup_printf (_("%s, %s"), target->category, severity);
  /* Translators: accessible labels of an override's controls; %s is as in
   * "Billing, Any severity" */
  hours_label = g_strdup_printf (_("%s: hours"), what);
  office_label = g_strdup_printf (_("%s: office hours only"), what);
  remove_label = g_strdup_printf (_("Remove the override for %s"), what);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), target->category);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), severity_label (target->severity));

  override->hours = spin_new (0, MAX_HOURS, 1, 24, hours_label);
  gtk_spin_button_set_numeric (override->hours, FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (override->hours), 11);
  g_signal_connect (override->hours, "output", G_CALLBACK (on_override_hours_output_cb), NULL);
  g_signal_connect (override->hours, "input", G_CALLBACK (on_override_hours_input_cb), NULL);
  gtk_spin_button_set_value (override->hours, target->seconds / 3600);
  g_object_set_data (G_OBJECT (override->hours), "override", override);
  g_signal_connect (override->hours, "value-changed", G_CALLBACK (on_override_changed_cb), self);

  override->office = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Office hours only")));
  gtk_widget_set_valign (GTK_WIDGET (override->office), GTK_ALIGN_CENTER);
  gtk_check_button_set_active (override->office, target->office_hours_only);
  label_widget (GTK_WIDGET (override->office), office_label);
  g_object_set_data (G_OBJECT (override->office), "override", override);
  g_signal_connect (override->office, "toggled", G_CALLBACK (on_override_changed_cb), self);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  label_widget (remove, remove_label);
  g_object_set_data (G_OBJECT (remove), "override", override);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_override_remove_cb), self);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (override->hours));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (C_("hours", "h")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (override->office));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
amends_targets_page_load_overrides (AmendsTargetsPage *self)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->override_rows->len; i++)
    adw_preferences_group_remove (self->override_group, self->override_rows->pdata[i]);
  g_ptr_array_set_size (self->override_rows, 0);

  if (!(targets = amends_store_list_targets (self->store, &error)))
    {
      show_error (self, error);
      return;
    }

  self->loading = TRUE;
  load_severities (self, targets);
  for (guint i = 0; i < targets->len; i++)
    {
      const AmendsTarget *target = targets->pdata[i];
      GtkWidget *row;

      if (target->category[0] == '\0')
        continue;
      row = override_row_new (self, target);
      g_ptr_array_add (self->override_rows, row);
      adw_preferences_group_add (self->override_group, row);
    }
  self->loading = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->no_override_row), self->override_rows->len == 0);
}

static void
on_add_row_apply_cb (AmendsTargetsPage *self)
{
  g_autofree char *category = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  guint selected = adw_combo_row_get_selected (self->add_severity_row);
  int severity = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : severity_rows[selected];
  g_autoptr(GError) error = NULL;
  AmendsTargetInForce target;

  if (*category == '\0')
    {
      amends_entry_row_set_invalid (self->add_row, NULL, TRUE);
      return;
    }

  /* It starts at the target such a case has now, to be changed from there. */
  if (!amends_store_lookup_target (self->store, category, severity, &target, &error) ||
      !amends_store_set_target (self->store, category, severity, target.seconds,
                                target.office_hours_only, &error))
    {
      show_error (self, error);
      return;
    }

  amends_entry_row_set_text_quietly (self->add_row, "");
  amends_targets_page_load_overrides (self);
}

static void
on_add_row_changed_cb (AmendsTargetsPage *self)
{
  amends_entry_row_set_invalid (self->add_row, NULL, FALSE);
}

/* Office hours */

static void
save_day (AmendsTargetsPage *self,
          int                weekday)
{
  DayRow *day = &self->days[weekday - 1];
  gboolean open = gtk_switch_get_active (day->open);
  int opens = gtk_spin_button_get_value_as_int (day->opens);
  int closes = gtk_spin_button_get_value_as_int (day->closes);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (day->opens), open);
  gtk_widget_set_sensitive (GTK_WIDGET (day->closes), open);

  if (self->loading)
    return;

  /* Closing before opening is not saved until it is put right. */
  if (open && closes <= opens)
    return;

  if (!amends_store_set_office_hours (self->store, weekday, open ? opens : 0, open ? closes : 0, &error))
    show_error (self, error);
}

static void
on_day_changed_cb (GObject           *object,
                   GParamSpec        *pspec,
                   AmendsTargetsPage *self)
{
  save_day (self, GPOINTER_TO_INT (g_object_get_data (object, "weekday")));
}

static void
build_day_rows (AmendsTargetsPage *self)
{
  for (int weekday = 1; weekday <= 7; weekday++)
    {
      DayRow *day = &self->days[weekday - 1];
      const char *name = _(weekday_names[weekday - 1]);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: accessible labels of a day's office hours: "Open on
       * Monday", "Monday: opens at", "Monday: closes at" */
      g_autofree char *open_label = g_strdup_printf (_("Open on %s"), name);
      g_autofree char *opens_label = g_strdup_printf (_("%s: opens at"), name);
      g_autofree char *closes_label = g_strdup_printf (_("%s: closes at"), name);

      day->open = GTK_SWITCH (gtk_switch_new ());
      gtk_widget_set_valign (GTK_WIDGET (day->open), GTK_ALIGN_CENTER);
      label_widget (GTK_WIDGET (day->open), open_label);
      day->opens = time_spin_new (opens_label);
      day->closes = time_spin_new (closes_label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (day->opens));
      /* Translators: between the opening and closing times, "09:00 to 17:00" */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (_("to")));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (day->closes));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (day->open));
      adw_preferences_group_add (self->office_group, row);

      g_object_set_data (G_OBJECT (day->open), "weekday", GINT_TO_POINTER (weekday));
      g_object_set_data (G_OBJECT (day->opens), "weekday", GINT_TO_POINTER (weekday));
      g_object_set_data (G_OBJECT (day->closes), "weekday", GINT_TO_POINTER (weekday));
      g_signal_connect (day->open, "notify::active", G_CALLBACK (on_day_changed_cb), self);
      g_signal_connect (day->opens, "notify::value", G_CALLBACK (on_day_changed_cb), self);
      g_signal_connect (day->closes, "notify::value", G_CALLBACK (on_day_changed_cb), self);
    }
}

/* A day with several spans (written by another program) shows its first
 * opening and its last closing. */
static void
load_days (AmendsTargetsPage *self)
{
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GError) error = NULL;

  if (!(spans = amends_store_get_office_hours (self->store, &error)))
    {
      show_error (self, error);
      return;
    }

  self->loading = TRUE;
  for (int weekday = 1; weekday <= 7; weekday++)
    {
      DayRow *day = &self->days[weekday - 1];
      int opens = -1, closes = -1;

      for (guint i = 0; i < spans->len; i++)
        {
          const AmendsOfficeSpan *span = &g_array_index (spans, AmendsOfficeSpan, i);

          if (span->weekday != weekday)
            continue;
          opens = opens < 0 ? span->opens : MIN (opens, span->opens);
          closes = MAX (closes, span->closes);
        }

      gtk_switch_set_active (day->open, opens >= 0);
      gtk_spin_button_set_value (day->opens, opens >= 0 ? opens : 9 * 60);
      gtk_spin_button_set_value (day->closes, opens >= 0 ? closes : 17 * 60);
      save_day (self, weekday);
    }
  self->loading = FALSE;
}

/* GObject */

static void
amends_targets_page_constructed (GObject *object)
{
  AmendsTargetsPage *self = AMENDS_TARGETS_PAGE (object);

  G_OBJECT_CLASS (amends_targets_page_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);

  amends_targets_page_load_overrides (self);
  load_days (self);
}

static void
amends_targets_page_dispose (GObject *object)
{
  AmendsTargetsPage *self = AMENDS_TARGETS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_TARGETS_PAGE);
  g_clear_pointer (&self->override_rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_targets_page_parent_class)->dispose (object);
}

static void
amends_targets_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AmendsTargetsPage *self = AMENDS_TARGETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_targets_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmendsTargetsPage *self = AMENDS_TARGETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_targets_page_class_init (AmendsTargetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = amends_targets_page_constructed;
  object_class->dispose = amends_targets_page_dispose;
  object_class->get_property = amends_targets_page_get_property;
  object_class->set_property = amends_targets_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-targets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsTargetsPage, severity_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsTargetsPage, override_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsTargetsPage, no_override_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsTargetsPage, add_severity_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsTargetsPage, add_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsTargetsPage, office_group);

  gtk_widget_class_install_action (widget_class, "targets.use-suggested", NULL, use_suggested_cb);
}

static void
amends_targets_page_init (AmendsTargetsPage *self)
{
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->override_rows = g_ptr_array_new ();

  for (guint i = 0; i < N_SEVERITY_ROWS; i++)
    gtk_string_list_append (severities, severity_label (severity_rows[i]));
  adw_combo_row_set_model (self->add_severity_row, G_LIST_MODEL (severities));

  build_severity_rows (self);
  build_day_rows (self);

  /* Connected here rather than in the template, so that
   * `gtk4-builder-tool validate` can check the file. */
  g_signal_connect_swapped (self->add_row, "apply", G_CALLBACK (on_add_row_apply_cb), self);
  g_signal_connect_swapped (self->add_row, "entry-activated", G_CALLBACK (on_add_row_apply_cb), self);
  g_signal_connect_swapped (self->add_row, "changed", G_CALLBACK (on_add_row_changed_cb), self);
}

/**
 * amends_targets_page_new:
 * @store: the open database, whose targets and office hours the page edits
 */
AmendsTargetsPage *
amends_targets_page_new (AmendsStore *store)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_TARGETS_PAGE, "store", store, NULL);
}
