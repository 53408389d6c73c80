/* amends-measures-slide.c: the headline measures on the staff-room wall
 *
 * The two headline measures in very large type, with the period they
 * measure.  The shares, their period and their targets are given by
 * whoever opens the room ("recovered-within-share" and "blown-away-share",
 * -1 when not known; "from" and "until"; "recovered-within-target" and
 * "blown-away-target" in percent, -1 for none), so that the slide only
 * shows them: a figure says in words and in its colour whether it meets
 * its target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-measures-slide"

#include "config.h"

#include "amends-measures-slide.h"

#include <math.h>
#include <glib/gi18n.h>

#include "amends-percent.h"

struct _AmendsMeasuresSlide
{
  AdwBin     parent_instance;

  double     recovered_within_share;
  double     blown_away_share;
  int        recovered_within_target;
  int        blown_away_target;
  GDateTime *from;
  GDateTime *until;
  char      *period_text;
  gboolean   measuring;

  GtkLabel  *period_label;
  GtkLabel  *recovered_figure;
  GtkLabel  *recovered_caption;
  GtkLabel  *recovered_target_label;
  GtkLabel  *blown_away_figure;
  GtkLabel  *blown_away_target_label;
};

G_DEFINE_FINAL_TYPE (AmendsMeasuresSlide, amends_measures_slide, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RECOVERED_WITHIN_SHARE,
  PROP_BLOWN_AWAY_SHARE,
  PROP_RECOVERED_WITHIN_TARGET,
  PROP_BLOWN_AWAY_TARGET,
  PROP_FROM,
  PROP_UNTIL,
  PROP_PERIOD_TEXT,
  PROP_MEASURING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
share_known (double share)
{
  return share >= 0.0 && !isnan (share);
}

/* Rounded as shown, so that "90 %" never reads as short of 90 %. */
static gboolean
share_meets (double share,
             int    target)
{
  return share_known (share) && target >= 0 && amends_percent_of (share) >= target;
}

/* A figure in large type, coloured by whether it meets its target, and
 * the target in words under it: the colour is never all there is to it. */
static void
update_figure (GtkLabel *figure,
               GtkLabel *target_label,
               double    share,
               int       target)
{
  GtkWidget *widget = GTK_WIDGET (figure);
  gboolean known = share_known (share);
  int percent = known ? amends_percent_of (share) : -1;
  g_autofree char *text = known ? amends_percent_format (percent) : g_strdup ("—");
  g_autofree char *target_percent = target >= 0 ? amends_percent_format (target) : NULL;
  g_autofree char *target_text = NULL;

  gtk_label_set_text (figure, text);

  gtk_widget_remove_css_class (widget, "dim-label");
  gtk_widget_remove_css_class (widget, "no-target");
  gtk_widget_remove_css_class (widget, "target-met");
  gtk_widget_remove_css_class (widget, "target-missed");
  if (!known)
    gtk_widget_add_css_class (widget, "dim-label");
  else if (target < 0)
    gtk_widget_add_css_class (widget, "no-target");
  else
    gtk_widget_add_css_class (widget, share_meets (share, target) ? "target-met" : "target-missed");

  if (target < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (target_label), FALSE);
      return;
    }

  if (!known)
    /* Translators: under a headline with nothing to measure: "Target 90 %" */
    target_text = g_strdup_printf (_("Target %s"), target_percent);
  else if (percent >= target)
    /* Translators: under a headline share: "Target 90 % · met" */
    target_text = g_strdup_printf (_("Target %s · met"), target_percent);
  else
    /* Translators: under a headline share: "Target 90 % · 7 points short" */
    target_text = g_strdup_printf (ngettext ("Target %s · %d point short",
                                             "Target %s · %d points short",
                                             target - percent),
                                   target_percent, target - percent);

  gtk_label_set_text (target_label, target_text);
  gtk_widget_set_visible (GTK_WIDGET (target_label), TRUE);
}

static void
amends_measures_slide_update_measures (AmendsMeasuresSlide *self)
{
  update_figure (self->recovered_figure, self->recovered_target_label,
                 self->recovered_within_share, self->recovered_within_target);
  update_figure (self->blown_away_figure, self->blown_away_target_label,
                 self->blown_away_share, self->blown_away_target);
}

/* "Last 28 days · 21 Oct – 18 Nov 2026", as the Measures view writes its
 * periods; NULL without a period. */
static char *
format_period (GDateTime *from,
               GDateTime *until)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) end_moment = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *end = NULL;
  g_autofree char *start = NULL;
  g_autofree char *days = NULL;
  int n_days;

  if (from == NULL || until == NULL)
    return NULL;

  first = g_date_time_to_local (from);
  end_moment = g_date_time_add_seconds (until, -1);
  last = g_date_time_to_local (end_moment);

  /* Whole days, whatever a change of daylight-saving time did to them. */
  n_days = (int) ((g_date_time_difference (until, from) + G_TIME_SPAN_DAY / 2) / G_TIME_SPAN_DAY);

  /* Translators: the last day of a range of days, a g_date_time_format() format: "22 Nov 2026" */
  end = g_date_time_format (last, _("%-d %b %Y"));
  if (g_date_time_get_year (first) != g_date_time_get_year (last))
    start = g_date_time_format (first, _("%-d %b %Y"));
  else
    /* Translators: the first day of a range within one year, a g_date_time_format() format: "26 Oct" */
    start = g_date_time_format (first, _("%-d %b"));
  /* Translators: a range of days across months: "26 Oct – 22 Nov 2026" */
  days = g_strdup_printf (_("%s – %s"), start, end);

  /* Translators: the period of the measures in the staff room: "Last 28 days · 21 Oct – 18 Nov 2026" */
  return g_strdup_printf (ngettext ("Last %d day · %s", "Last %d days · %s", n_days), n_days, days);
}

static void
amends_measures_slide_update_period (AmendsMeasuresSlide *self)
{
  g_free (self->period_text);
  self->period_text = format_period (self->from, self->until);

  gtk_label_set_text (self->period_label, self->period_text != NULL ? self->period_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_label), self->period_text != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERIOD_TEXT]);
}

/**
 * amends_measures_slide_set_target_hours:
 * @hours: the desk's target time to recover, in hours
 *
 * The caption under the share of recoveries within it.
 */
void
amends_measures_slide_set_target_hours (AmendsMeasuresSlide *self,
                                        int                  hours)
{
  g_autofree char *within = NULL;

  g_return_if_fail (AMENDS_IS_MEASURES_SLIDE (self));

  /* Translators: under a share in very large type: "92 %" "recovered within 24 h" */
  within = g_strdup_printf (ngettext ("recovered within %d h", "recovered within %d h", hours), hours);
  gtk_label_set_text (self->recovered_caption, within);
}

/* GObject */

static void
amends_measures_slide_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMENDS_TYPE_MEASURES_SLIDE);

  G_OBJECT_CLASS (amends_measures_slide_parent_class)->dispose (object);
}

static void
amends_measures_slide_finalize (GObject *object)
{
  AmendsMeasuresSlide *self = (AmendsMeasuresSlide *)object;

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_clear_pointer (&self->period_text, g_free);

  G_OBJECT_CLASS (amends_measures_slide_parent_class)->finalize (object);
}

static void
amends_measures_slide_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AmendsMeasuresSlide *self = AMENDS_MEASURES_SLIDE (object);

  switch (prop_id)
    {
    case PROP_RECOVERED_WITHIN_SHARE:
      g_value_set_double (value, self->recovered_within_share);
      break;

    case PROP_BLOWN_AWAY_SHARE:
      g_value_set_double (value, self->blown_away_share);
      break;

    case PROP_MEASURING:
      g_value_set_boolean (value, self->measuring);
      break;

    case PROP_RECOVERED_WITHIN_TARGET:
      g_value_set_int (value, self->recovered_within_target);
      break;

    case PROP_BLOWN_AWAY_TARGET:
      g_value_set_int (value, self->blown_away_target);
      break;

    case PROP_FROM:
      g_value_set_boxed (value, self->from);
      break;

    case PROP_UNTIL:
      g_value_set_boxed (value, self->until);
      break;

    case PROP_PERIOD_TEXT:
      g_value_set_string (value, self->period_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_measures_slide_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AmendsMeasuresSlide *self = AMENDS_MEASURES_SLIDE (object);

  switch (prop_id)
    {
    case PROP_MEASURING:
      amends_measures_slide_set_measuring (self, g_value_get_boolean (value));
      break;

    case PROP_RECOVERED_WITHIN_SHARE:
      amends_measures_slide_set_recovered_within_share (self, g_value_get_double (value));
      break;

    case PROP_BLOWN_AWAY_SHARE:
      amends_measures_slide_set_blown_away_share (self, g_value_get_double (value));
      break;

    case PROP_RECOVERED_WITHIN_TARGET:
      amends_measures_slide_set_recovered_within_target (self, g_value_get_int (value));
      break;

    case PROP_BLOWN_AWAY_TARGET:
      amends_measures_slide_set_blown_away_target (self, g_value_get_int (value));
      break;

    case PROP_FROM:
      amends_measures_slide_set_period (self, g_value_get_boxed (value), self->until);
      break;

    case PROP_UNTIL:
      amends_measures_slide_set_period (self, self->from, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_measures_slide_class_init (AmendsMeasuresSlideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_measures_slide_dispose;
  object_class->finalize = amends_measures_slide_finalize;
  object_class->get_property = amends_measures_slide_get_property;
  object_class->set_property = amends_measures_slide_set_property;

  /* The share of recoveries within the target, 0 to 1; -1 when not known. */
  properties [PROP_RECOVERED_WITHIN_SHARE] =
    g_param_spec_double ("recovered-within-share", NULL, NULL,
                         -1.0, 1.0, -1.0,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The share of customers blown away, 0 to 1; -1 when not known. */
  properties [PROP_BLOWN_AWAY_SHARE] =
    g_param_spec_double ("blown-away-share", NULL, NULL,
                         -1.0, 1.0, -1.0,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The shares are being measured (in a worker thread, by whoever
   * opened the room): they read "—" until they come. */
  properties [PROP_MEASURING] =
    g_param_spec_boolean ("measuring", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The targets of the two shares, in percent; -1 for none, and then a
   * figure is neither met nor short. */
  properties [PROP_RECOVERED_WITHIN_TARGET] =
    g_param_spec_int ("recovered-within-target", NULL, NULL,
                      -1, 100, -1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties [PROP_BLOWN_AWAY_TARGET] =
    g_param_spec_int ("blown-away-target", NULL, NULL,
                      -1, 100, -1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* The period the shares measure, [from, until); the slide states it. */
  properties [PROP_FROM] =
    g_param_spec_boxed ("from", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_UNTIL] =
    g_param_spec_boxed ("until", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The period in words, "Last 28 days · 21 Oct – 18 Nov 2026"; NULL
   * until both ends are known. */
  properties [PROP_PERIOD_TEXT] =
    g_param_spec_string ("period-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-measures-slide.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresSlide, period_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresSlide, recovered_figure);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresSlide, recovered_caption);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresSlide, recovered_target_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresSlide, blown_away_figure);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresSlide, blown_away_target_label);
}

static void
amends_measures_slide_init (AmendsMeasuresSlide *self)
{
  self->recovered_within_share = -1.0;
  self->blown_away_share = -1.0;
  self->recovered_within_target = -1;
  self->blown_away_target = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  amends_measures_slide_update_measures (self);
}

double
amends_measures_slide_get_recovered_within_share (AmendsMeasuresSlide *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_SLIDE (self), -1.0);

  return self->recovered_within_share;
}

void
amends_measures_slide_set_recovered_within_share (AmendsMeasuresSlide *self,
                                              double           share)
{
  g_return_if_fail (AMENDS_IS_MEASURES_SLIDE (self));

  if (share < 0.0)
    share = -1.0;

  if (self->recovered_within_share == share)
    return;

  self->recovered_within_share = share;
  amends_measures_slide_update_measures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECOVERED_WITHIN_SHARE]);
}

double
amends_measures_slide_get_blown_away_share (AmendsMeasuresSlide *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_SLIDE (self), -1.0);

  return self->blown_away_share;
}

void
amends_measures_slide_set_blown_away_share (AmendsMeasuresSlide *self,
                                        double           share)
{
  g_return_if_fail (AMENDS_IS_MEASURES_SLIDE (self));

  if (share < 0.0)
    share = -1.0;

  if (self->blown_away_share == share)
    return;

  self->blown_away_share = share;
  amends_measures_slide_update_measures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLOWN_AWAY_SHARE]);
}

int
amends_measures_slide_get_recovered_within_target (AmendsMeasuresSlide *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_SLIDE (self), -1);

  return self->recovered_within_target;
}

void
amends_measures_slide_set_recovered_within_target (AmendsMeasuresSlide *self,
                                               int              percent)
{
  g_return_if_fail (AMENDS_IS_MEASURES_SLIDE (self));
  g_return_if_fail (percent >= -1 && percent <= 100);

  if (self->recovered_within_target == percent)
    return;

  self->recovered_within_target = percent;
  amends_measures_slide_update_measures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECOVERED_WITHIN_TARGET]);
}

int
amends_measures_slide_get_blown_away_target (AmendsMeasuresSlide *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_SLIDE (self), -1);

  return self->blown_away_target;
}

void
amends_measures_slide_set_blown_away_target (AmendsMeasuresSlide *self,
                                         int              percent)
{
  g_return_if_fail (AMENDS_IS_MEASURES_SLIDE (self));
  g_return_if_fail (percent >= -1 && percent <= 100);

  if (self->blown_away_target == percent)
    return;

  self->blown_away_target = percent;
  amends_measures_slide_update_measures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLOWN_AWAY_TARGET]);
}

/* Whether the share, as shown, reaches its target: FALSE when there is
 * nothing to measure or no target. */
gboolean
amends_measures_slide_get_recovered_within_met (AmendsMeasuresSlide *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_SLIDE (self), FALSE);

  return share_meets (self->recovered_within_share, self->recovered_within_target);
}

gboolean
amends_measures_slide_get_blown_away_met (AmendsMeasuresSlide *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_SLIDE (self), FALSE);

  return share_meets (self->blown_away_share, self->blown_away_target);
}

GDateTime *
amends_measures_slide_get_from (AmendsMeasuresSlide *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_SLIDE (self), NULL);

  return self->from;
}

GDateTime *
amends_measures_slide_get_until (AmendsMeasuresSlide *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_SLIDE (self), NULL);

  return self->until;
}

/**
 * amends_measures_slide_set_period:
 * @from: (nullable): the first moment the shares measure
 * @until: (nullable): the moment after the last
 *
 * The period of the shares, stated on the measures slide.
 */
void
amends_measures_slide_set_period (AmendsMeasuresSlide *self,
                              GDateTime       *from,
                              GDateTime       *until)
{
  gboolean from_changed, until_changed;

  g_return_if_fail (AMENDS_IS_MEASURES_SLIDE (self));

  from_changed = !(from == self->from || (from != NULL && self->from != NULL && g_date_time_equal (from, self->from)));
  until_changed = !(until == self->until || (until != NULL && self->until != NULL && g_date_time_equal (until, self->until)));
  if (!from_changed && !until_changed)
    return;

  /* @from or @until may be ours: take the new ones before letting go. */
  if (from != NULL)
    g_date_time_ref (from);
  if (until != NULL)
    g_date_time_ref (until);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  self->from = from;
  self->until = until;

  amends_measures_slide_update_period (self);
  if (from_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FROM]);
  if (until_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNTIL]);
}

/* The period in words, or NULL without a period. */
const char *
amends_measures_slide_get_period_text (AmendsMeasuresSlide *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_SLIDE (self), NULL);

  return self->period_text;
}

gboolean
amends_measures_slide_get_measuring (AmendsMeasuresSlide *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_SLIDE (self), FALSE);

  return self->measuring;
}

void
amends_measures_slide_set_measuring (AmendsMeasuresSlide *self,
                                 gboolean         measuring)
{
  g_return_if_fail (AMENDS_IS_MEASURES_SLIDE (self));

  measuring = !!measuring;
  if (self->measuring == measuring)
    return;

  self->measuring = measuring;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEASURING]);
}
