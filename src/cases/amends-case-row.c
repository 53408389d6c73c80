/* amends-case-row.c: one case in the case list, at a glance
 *
 * A row follows its case: the list refreshes the case objects it caches in
 * place when the store changes them, and the row listens to their notify.
 * It follows the time too, through its "now" property, which the sidebar
 * binds to its own: the clock's words change without reloading anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-row"

#include "config.h"

#include "amends-case-row.h"

#include <glib/gi18n.h>

#include "amends-clock.h"
#include "amends-stay.h"

/* How much of the clock's words a row keeps clear of the summary: all of
 * a running clock's; less of a finished case's, which says more and
 * matters less. */
#define CLOCK_RUNNING_CHARS  24
#define CLOCK_FINISHED_CHARS 12

struct _AmendsCaseRow
{
  GtkWidget       parent_instance;

  AmendsCase     *kase;
  GDateTime      *now;
  gulong          notify_id;
  const char     *clock_class;
  /* The clock is longer than its label shows: the tooltip gives it whole. */
  gboolean        clock_cut;

  GtkInscription *summary_inscription;
  GtkLabel       *clock_label;
  GtkInscription *customer_inscription;
  GtkLabel       *owner_label;
  GtkLabel       *reference_label;
  GtkLabel       *severity_label;
  GtkLabel       *status_label;
  GtkLabel       *due_soon_label;
  GtkLabel       *follow_up_label;
  GtkLabel       *stay_label;
  GtkWidget      *stay_flag_box;
};

G_DEFINE_FINAL_TYPE (AmendsCaseRow, amends_case_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* One style class a state, on the clock's label (see style.css). */
static const char *
clock_state_class (AmendsClockState state)
{
  switch (state)
    {
    case AMENDS_CLOCK_STATE_DUE_SOON:       return "due-soon";
    case AMENDS_CLOCK_STATE_OVERDUE:        return "overdue";
    case AMENDS_CLOCK_STATE_PAUSED:         return "paused";
    case AMENDS_CLOCK_STATE_RECOVERED:      return "recovered";
    case AMENDS_CLOCK_STATE_RECOVERED_LATE: return "recovered-late";
    case AMENDS_CLOCK_STATE_NOT_RECOVERED:  return "not-recovered";
    case AMENDS_CLOCK_STATE_RUNNING:
    default:                                return "running";
    }
}

static gboolean
follow_up_is_due (AmendsCase *kase,
                  GDateTime  *now)
{
  GDateTime *due = amends_case_get_follow_up_due_at (kase);

  return due != NULL &&
         now != NULL &&
         amends_case_get_status (kase) != AMENDS_CASE_STATUS_CLOSED &&
         g_date_time_compare (due, now) <= 0;
}

/* Amber alone says "due soon" only to those who see it: the marker says
 * it in words.  Not in the trash, where no clock asks anything. */
static gboolean
is_due_soon (AmendsCaseRow *self)
{
  return self->kase != NULL && self->now != NULL &&
         amends_case_get_deleted_at (self->kase) == NULL &&
         amends_clock_get_state (self->kase, self->now) == AMENDS_CLOCK_STATE_DUE_SOON;
}

/* The severity in words, with a class for the worst two (style.css makes
 * them bold: a word, not a colour). */
static void
update_severity (AmendsCaseRow *self)
{
  AmendsSeverity severity = self->kase ? amends_case_get_severity (self->kase) : AMENDS_SEVERITY_MODERATE;
  gboolean grave = self->kase != NULL && severity >= AMENDS_SEVERITY_MAJOR;

  gtk_label_set_label (self->severity_label, self->kase ? amends_severity_to_label (severity) : "");
  if (grave)
    gtk_widget_add_css_class (GTK_WIDGET (self->severity_label), "grave");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->severity_label), "grave");
}

static void
set_clock_class (AmendsCaseRow *self,
                 const char    *css_class)
{
  if (g_strcmp0 (self->clock_class, css_class) == 0)
    return;

  if (self->clock_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), self->clock_class);
  self->clock_class = css_class;
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), css_class);
}

/* What a screen reader says for the row: the same facts, in one line. */
static void
update_accessible (AmendsCaseRow *self,
                   const char    *clock)
{
  const char *reference = amends_case_get_reference (self->kase);
  const char *summary = amends_case_get_summary (self->kase);
  const char *owner = amends_case_get_owner_name (self->kase);
  const char *customer = amends_case_get_customer_name (self->kase);
  const char *status = amends_case_status_to_label (amends_case_get_status (self->kase));
  const char *severity = amends_severity_to_label (amends_case_get_severity (self->kase));
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *stay = NULL;

  if (amends_case_get_owner_id (self->kase) > 0)
    /* Translators: a case in the list, for screen readers: reference,
     * summary, recovery clock and owner, e.g.
     * "C-2026-00042, Cold soup, overdue by 2 h, owner Ada" */
    label = g_strdup_printf (_("%s, %s, %s, owner %s"),
                             reference ? reference : "",
                             summary ? summary : "",
                             clock ? clock : "",
                             owner ? owner : "");
  else
    /* Translators: a case nobody has taken ownership of, for screen
     * readers: reference, summary and recovery clock */
    label = g_strdup_printf (_("%s, %s, %s, unowned"),
                             reference ? reference : "",
                             summary ? summary : "",
                             clock ? clock : "");

  if (self->now != NULL && (stay = amends_stay_describe_departure (self->kase, self->now)) != NULL)
    {
      char *with_stay =
        /* Translators: a case in the list, for screen readers, then when
         * the guest leaves, as in "…, owner Ada, leaves tomorrow 11:00" */
        g_strdup_printf (_("%s, %s"), label, stay);

      g_free (label);
      label = with_stay;
    }

  if (customer != NULL && customer[0] != '\0')
    /* Translators: the rest of a case in the list, for screen readers:
     * its severity, its status and its customer's name,
     * e.g. "Major, Open, customer Ines Duarte" */
    description = g_strdup_printf (_("%s, %s, customer %s"), severity, status, customer);
  else
    /* Translators: a case's severity and status, for screen readers,
     * e.g. "Major, Open" */
    description = g_strdup_printf (_("%s, %s"), severity, status);

  if (is_due_soon (self))
    {
      char *with_due_soon =
        /* Translators: appended to a case's description when its recovery
         * clock has 4 hours or less left */
        g_strdup_printf (_("%s, due soon"), description);

      g_free (description);
      description = with_due_soon;
    }

  if (self->now != NULL && amends_stay_is_due_after_departure (self->kase, self->now))
    {
      char *with_flag =
        /* Translators: appended to a case's description when its recovery
         * clock runs out after the guest's departure */
        g_strdup_printf (_("%s, due after the guest leaves"), description);

      g_free (description);
      description = with_flag;
    }

  if (follow_up_is_due (self->kase, self->now))
    {
      char *with_follow_up =
        /* Translators: appended to a case's description when its follow-up is due */
        g_strdup_printf (_("%s, follow-up due"), description);

      g_free (description);
      description = with_follow_up;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static gboolean
on_clock_query_tooltip_cb (AmendsCaseRow *self,
                           int            x,
                           int            y,
                           gboolean       keyboard_mode,
                           GtkTooltip    *tooltip)
{
  if (!self->clock_cut)
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_label (self->clock_label));
  return TRUE;
}

/* The guest's departure beside the customer, and the flag when the
 * clock runs out after it: both change with time, as the clock does. */
static void
update_stay (AmendsCaseRow *self)
{
  g_autofree char *stay = NULL;
  gboolean flagged = FALSE;

  if (self->kase != NULL && self->now != NULL)
    {
      stay = amends_stay_describe_departure (self->kase, self->now);
      flagged = amends_stay_is_due_after_departure (self->kase, self->now);
    }

  gtk_label_set_label (self->stay_label, stay ? stay : "");
  gtk_widget_set_visible (GTK_WIDGET (self->stay_label), stay != NULL);
  gtk_widget_set_visible (self->stay_flag_box, flagged);
}

/* The parts that change with time: the clock and the follow-up marker. */
static void
update_time (AmendsCaseRow *self)
{
  g_autofree char *clock = NULL;
  int keep = 0;
  int length;

  if (self->kase != NULL && self->now != NULL)
    {
      AmendsClockState state = amends_clock_get_state (self->kase, self->now);

      clock = amends_clock_describe (self->kase, self->now);
      /* In the trash nothing more is asked of a case: no colour says so. */
      set_clock_class (self, amends_case_get_deleted_at (self->kase) != NULL
                             ? "trashed" : clock_state_class (state));
      keep = (state == AMENDS_CLOCK_STATE_RECOVERED || state == AMENDS_CLOCK_STATE_RECOVERED_LATE ||
              state == AMENDS_CLOCK_STATE_NOT_RECOVERED)
             ? CLOCK_FINISHED_CHARS : CLOCK_RUNNING_CHARS;
    }
  else
    set_clock_class (self, NULL);

  length = clock ? (int) g_utf8_strlen (clock, -1) : 0;
  gtk_label_set_label (self->clock_label, clock ? clock : "");
  gtk_label_set_width_chars (self->clock_label, MIN (length, keep));
  /* Not gtk_widget_set_tooltip_text(): in GTK 4.8 each call costs a round
   * trip to the X server, and rows are bound by the hundred while
   * scrolling.  The tooltip is asked for when the pointer rests. */
  self->clock_cut = length > keep;
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_label),
                          self->kase != NULL && follow_up_is_due (self->kase, self->now));
  gtk_widget_set_visible (GTK_WIDGET (self->due_soon_label), is_due_soon (self));
  update_stay (self);

  if (self->kase != NULL)
    update_accessible (self, clock);
}

static void
update (AmendsCaseRow *self)
{
  const char *owner = NULL;
  gboolean unowned = FALSE;

  if (self->kase != NULL)
    {
      unowned = amends_case_get_owner_id (self->kase) <= 0;
      owner = unowned ? _("Unowned") : amends_case_get_owner_name (self->kase);
    }

  gtk_label_set_label (self->owner_label, owner ? owner : "");
  if (unowned)
    gtk_widget_add_css_class (GTK_WIDGET (self->owner_label), "unowned");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->owner_label), "unowned");
  gtk_label_set_label (self->status_label,
                       self->kase ? amends_case_status_to_label (amends_case_get_status (self->kase)) : "");
  update_severity (self);

  update_time (self);
}

/* The summary, the customer and the reference are bound in the template;
 * anything else may change the clock, the owner or the status. */
static void
on_case_notify_cb (AmendsCaseRow *self,
                   GParamSpec    *pspec,
                   AmendsCase    *kase)
{
  static const char * const bound[] = { "summary", "customer-name", "reference", "description", NULL };

  if (g_strv_contains (bound, pspec->name))
    return;

  update (self);
}

static void
amends_case_row_dispose (GObject *object)
{
  AmendsCaseRow *self = (AmendsCaseRow *)object;
  GtkWidget *child;

  if (self->kase != NULL)
    g_clear_signal_handler (&self->notify_id, self->kase);
  g_clear_object (&self->kase);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_CASE_ROW);
  /* The template's children that no field names */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (amends_case_row_parent_class)->dispose (object);
}

static void
amends_case_row_finalize (GObject *object)
{
  AmendsCaseRow *self = (AmendsCaseRow *)object;

  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (amends_case_row_parent_class)->finalize (object);
}

static void
amends_case_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AmendsCaseRow *self = AMENDS_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AmendsCaseRow *self = AMENDS_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      amends_case_row_set_case (self, g_value_get_object (value));
      break;

    case PROP_NOW:
      amends_case_row_set_now (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_row_class_init (AmendsCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_case_row_dispose;
  object_class->finalize = amends_case_row_finalize;
  object_class->get_property = amends_case_row_get_property;
  object_class->set_property = amends_case_row_set_property;

  properties [PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL,
                         AMENDS_TYPE_CASE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, summary_inscription);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, customer_inscription);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, owner_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, reference_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, severity_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, due_soon_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, follow_up_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, stay_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseRow, stay_flag_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
amends_case_row_init (AmendsCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->clock_label), TRUE);
  g_signal_connect_swapped (self->clock_label, "query-tooltip",
                            G_CALLBACK (on_clock_query_tooltip_cb), self);
}

GtkWidget *
amends_case_row_new (void)
{
  return g_object_new (AMENDS_TYPE_CASE_ROW, NULL);
}

/**
 * amends_case_row_get_case:
 *
 * Returns: (transfer none) (nullable): the case the row shows
 */
AmendsCase *
amends_case_row_get_case (AmendsCaseRow *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_ROW (self), NULL);

  return self->kase;
}

void
amends_case_row_set_case (AmendsCaseRow *self,
                          AmendsCase    *kase)
{
  g_return_if_fail (AMENDS_IS_CASE_ROW (self));
  g_return_if_fail (kase == NULL || AMENDS_IS_CASE (kase));

  if (self->kase == kase)
    return;

  if (self->kase != NULL)
    g_clear_signal_handler (&self->notify_id, self->kase);
  g_set_object (&self->kase, kase);
  if (kase != NULL)
    self->notify_id = g_signal_connect_object (kase, "notify",
                                               G_CALLBACK (on_case_notify_cb), self,
                                               G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASE]);
}

/**
 * amends_case_row_get_now:
 *
 * Returns: (transfer none) (nullable): the time the clock is told against
 */
GDateTime *
amends_case_row_get_now (AmendsCaseRow *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_ROW (self), NULL);

  return self->now;
}

void
amends_case_row_set_now (AmendsCaseRow *self,
                         GDateTime     *now)
{
  g_return_if_fail (AMENDS_IS_CASE_ROW (self));

  if (self->now == now ||
      (self->now != NULL && now != NULL && g_date_time_equal (self->now, now)))
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);

  update_time (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOW]);
}
