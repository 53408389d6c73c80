/* amends-headline-card.c: a headline measure against its target
 *
 * One of the two measures the Measures view leads with: the share in
 * large type, coloured by whether it meets its target and saying so in
 * words too, what it counts, and the change since the period before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-headline-card"

#include "config.h"

#include "amends-headline-card.h"

#include "amends-store-targets.h"

#include <glib/gi18n.h>

#include "amends-measures-format.h"
#include "amends-percent.h"

struct _AmendsHeadlineCard
{
  GtkBox    parent_instance;

  gboolean  met;

  /* template */
  GtkLabel *caption;
  GtkLabel *figure;
  GtkLabel *basis;
  GtkLabel *target;
  GtkLabel *change;
  GtkLabel *compare;
};

G_DEFINE_FINAL_TYPE (AmendsHeadlineCard, amends_headline_card, GTK_TYPE_BOX)

static void
update_figure (AmendsHeadlineCard *self,
               gboolean            known)
{
  GtkWidget *figure = GTK_WIDGET (self->figure);

  if (known)
    gtk_widget_remove_css_class (figure, "dim-label");
  else
    gtk_widget_add_css_class (figure, "dim-label");

  gtk_widget_remove_css_class (figure, "target-met");
  gtk_widget_remove_css_class (figure, "target-missed");
  if (known)
    gtk_widget_add_css_class (figure, self->met ? "target-met" : "target-missed");
}

static char *
dup_target_text (gboolean  known,
                 gboolean  met,
                 int       target,
                 int       percent)
{
  g_autofree char *target_percent = amends_percent_format (target);

  if (!known)
    /* Translators: under a headline with nothing to measure: "Target 90 %" */
    return g_strdup_printf (_("Target %s"), target_percent);
  if (met)
    /* Translators: under a headline share: "Target 90 % · met" */
    return g_strdup_printf (_("Target %s · met"), target_percent);

  /* Translators: under a headline share: "Target 90 % · 7 points short" */
  return g_strdup_printf (ngettext ("Target %s · %d point short",
                                    "Target %s · %d points short",
                                    target - percent),
                          target_percent, target - percent);
}

/* "▲ 5 points" and what it is compared with, or "" when nothing is. */
static char *
update_change (AmendsHeadlineCard *self,
               gboolean            known,
               int                 percent,
               const AmendsShare  *before,
               const char         *compare_text,
               const char        **compare)
{
  char *change;

  gtk_widget_remove_css_class (GTK_WIDGET (self->change), "change-up");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change), "change-down");
  if (!known || !amends_measures_share_known (before))
    {
      /* Translators: under a headline share, when the period before had nothing to measure */
      *compare = known ? _("Nothing to compare with before") : "";
      return g_strdup ("");
    }

  {
    int points = percent - amends_percent_of (before->share);

    if (points > 0)
      /* Translators: a rise since the period before, in percentage points */
      change = g_strdup_printf (ngettext ("▲ %d point", "▲ %d points", points), points);
    else if (points < 0)
      /* Translators: a fall since the period before, in percentage points */
      change = g_strdup_printf (ngettext ("▼ %d point", "▼ %d points", -points), -points);
    else
      /* Translators: the same share as the period before */
      change = g_strdup (_("No change"));

    if (points != 0)
      gtk_widget_add_css_class (GTK_WIDGET (self->change), points > 0 ? "change-up" : "change-down");
  }
  *compare = compare_text;

  return change;
}

static void
amends_headline_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMENDS_TYPE_HEADLINE_CARD);

  G_OBJECT_CLASS (amends_headline_card_parent_class)->dispose (object);
}

static void
amends_headline_card_class_init (AmendsHeadlineCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_headline_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-headline-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsHeadlineCard, caption);
  gtk_widget_class_bind_template_child (widget_class, AmendsHeadlineCard, figure);
  gtk_widget_class_bind_template_child (widget_class, AmendsHeadlineCard, basis);
  gtk_widget_class_bind_template_child (widget_class, AmendsHeadlineCard, target);
  gtk_widget_class_bind_template_child (widget_class, AmendsHeadlineCard, change);
  gtk_widget_class_bind_template_child (widget_class, AmendsHeadlineCard, compare);
}

static void
amends_headline_card_init (AmendsHeadlineCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @share: the measure of the period; @before: that of the period before;
 * @target: in percent; @empty_hint: what is said when there is nothing
 * to measure; @note: (nullable): what the share leaves out, "1 still
 * within its clock"; @compare_text: what a change is against, "on the
 * week before" */
static void
update (AmendsHeadlineCard *self,
        const char         *caption,
        const AmendsShare  *share,
        const AmendsShare  *before,
        int                 target,
        const char         *empty_hint,
        const char         *note,
        const char         *compare_text)
{
  g_autofree char *figure = amends_measures_format_share (share);
  g_autofree char *target_text = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *change = NULL;
  g_autofree char *description = NULL;
  const char *compare;
  gboolean known = amends_measures_share_known (share);
  int percent = known ? amends_percent_of (share->share) : -1;

  gtk_label_set_text (self->caption, caption);
  gtk_label_set_text (self->figure, figure);
  self->met = known && percent >= target;
  update_figure (self, known);

  if (known)
    /* Translators: under a headline share: "5 of 6 cases" */
    basis = g_strdup_printf (ngettext ("%u of %u case", "%u of %u cases", share->n_of),
                             share->n_counted, share->n_of);
  else
    basis = g_strdup (empty_hint);
  if (note != NULL)
    {
      /* Translators: what a headline share leaves out, after its basis:
       * "6 of 7 cases; 1 still within its clock" */
      g_autofree char *both = g_strdup_printf (_("%s; %s"), basis, note);
      g_free (basis);
      basis = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->basis, basis);

  target_text = dup_target_text (known, self->met, target, percent);
  gtk_label_set_text (self->target, target_text);

  change = update_change (self, known, percent, before, compare_text, &compare);
  gtk_label_set_text (self->change, change);
  gtk_label_set_text (self->compare, compare);
  gtk_widget_set_visible (GTK_WIDGET (self->change), *change != '\0');

  /* One sentence for a screen reader, in the order the eye reads the card. */
  description = g_strjoin (", ", figure, basis, target_text, change, compare, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/**
 * amends_headline_card_show_recovered_within:
 * @m: the measures of the period
 * @before: those of the period before
 * @hours: the recovery target, in hours
 * @target: the share to reach, in percent
 * @compare_text: what a change is against, "on the week before"
 */
void
amends_headline_card_show_recovered_within (AmendsHeadlineCard   *self,
                                            const AmendsMeasures *m,
                                            const AmendsMeasures *before,
                                            int                   hours,
                                            int                   target,
                                            const char           *compare_text)
{
  g_autofree char *caption = NULL;
  g_autofree char *pending = NULL;

  g_return_if_fail (AMENDS_IS_HEADLINE_CARD (self));

  /* The target of the period's cases, kept on each when it was logged;
   * the desk's setting only when the period has none. */
  caption = amends_target_format_within (m->target_min_seconds, m->target_max_seconds, hours);
  /* Never silently dropped: the cases still on their clock. */
  if (m->n_pending > 0)
    pending = g_strdup_printf (ngettext ("%u still within its clock", "%u still within their clock",
                                         m->n_pending),
                               m->n_pending);

  update (self, caption, &m->recovered_within, &before->recovered_within, target,
          _("Nothing to measure yet: no case of this period has been recovered or run past its time."),
          pending, compare_text);
}

/* As amends_headline_card_show_recovered_within(), for the share of
 * customers blown away. */
void
amends_headline_card_show_blown_away (AmendsHeadlineCard   *self,
                                      const AmendsMeasures *m,
                                      const AmendsMeasures *before,
                                      int                   target,
                                      const char           *compare_text)
{
  g_autofree char *unrecorded = NULL;

  g_return_if_fail (AMENDS_IS_HEADLINE_CARD (self));

  /* Never silently dropped: the recoveries whose reaction nobody wrote down. */
  if (m->n_reaction_unknown > 0)
    /* Translators: "reaction not recorded: 1 of 7" recovered cases */
    unrecorded = g_strdup_printf (_("reaction not recorded: %u of %u"), m->n_reaction_unknown, m->n_recovered);

  update (self,
          /* Translators: the caption of a headline measure */
          _("Customers blown away"), &m->blown_away, &before->blown_away, target,
          _("Nothing to measure yet: no case recovered in this period has the customer’s reaction recorded."),
          unrecorded, compare_text);
}

/* "83 %", or "—" when there is nothing to measure */
const char *
amends_headline_card_get_figure (AmendsHeadlineCard *self)
{
  g_return_val_if_fail (AMENDS_IS_HEADLINE_CARD (self), NULL);

  return gtk_label_get_text (self->figure);
}

/* "Target 90 % · 7 points short" */
const char *
amends_headline_card_get_target (AmendsHeadlineCard *self)
{
  g_return_val_if_fail (AMENDS_IS_HEADLINE_CARD (self), NULL);

  return gtk_label_get_text (self->target);
}

/* "3 of 5 cases; 1 still within its clock" */
const char *
amends_headline_card_get_basis (AmendsHeadlineCard *self)
{
  g_return_val_if_fail (AMENDS_IS_HEADLINE_CARD (self), NULL);

  return gtk_label_get_text (self->basis);
}

/* "▲ 5 points", "No change", or "" when there is nothing to compare */
const char *
amends_headline_card_get_change (AmendsHeadlineCard *self)
{
  g_return_val_if_fail (AMENDS_IS_HEADLINE_CARD (self), NULL);

  return gtk_label_get_text (self->change);
}

gboolean
amends_headline_card_get_met (AmendsHeadlineCard *self)
{
  g_return_val_if_fail (AMENDS_IS_HEADLINE_CARD (self), FALSE);

  return self->met;
}
