/* amends-report-headlines.c: the top of the summary's first page
 *
 * The two headline measures, each against its target and the week
 * before, and a strip of the week's other figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-headlines"

#include "config.h"

#include "amends-report-headlines.h"

#include <glib/gi18n.h>

#include "amends-percent.h"
#include "amends-store-targets.h"
#include "amends-report-format.h"

typedef struct
{
  const char        *label;
  const AmendsShare *now;
  const AmendsShare *before;
  int                target;
  guint32            accent;
  const char        *note;     /* what the share leaves out, or NULL */
  gboolean           week;     /* of a week, against the week before; else of any period */
} Headline;

/* What the share is of, with what it leaves out. */
static char *
headline_of (const Headline *h)
{
  g_autofree char *of = NULL;

  if (h->now->share < 0)
    return g_strdup (h->note != NULL ? h->note
                     : h->week ? _("Nothing to measure this week")
                     : _("Nothing to measure in this period"));

  /* Translators: what a headline share is of, as in "3 of 5 cases" */
  of = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u case", "%u of %u cases",
                                     h->now->n_of),
                        h->now->n_counted, h->now->n_of);
  if (h->note == NULL)
    return g_steal_pointer (&of);

  /* Translators: "3 of 8 cases; 2 still within their clock" */
  return g_strdup_printf (_("%s; %s"), of, h->note);
}

/* How the share stands against its target, and in which colour. */
static char *
against_target (const Headline *h,
                guint32        *rgb)
{
  int gap;

  if (h->now->share < 0)
    {
      *rgb = RGB_DIM;
      return g_strdup_printf (_("Target %d %%"), h->target);
    }

  gap = amends_percent_of (h->now->share) - h->target;
  if (gap >= 0)
    {
      *rgb = RGB_GOOD;
      /* Translators: the headline measure reached its target, "Target 90 % — met" */
      return g_strdup_printf (_("Target %d %% — met"), h->target);
    }

  *rgb = RGB_BAD;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Target %d %% — %d point below",
                                       "Target %d %% — %d points below",
                                       -gap),
                          h->target, -gap);
}

/* How the share stands against the period before, as long, and in which
 * colour: for a month, a quarter or any days. */
static char *
against_period_before (const Headline *h,
                       guint32        *rgb)
{
  int before, change;

  *rgb = RGB_DIM;
  if (h->before->share < 0)
    return g_strdup (_("Nothing to compare with the period before"));

  before = amends_percent_of (h->before->share);
  if (h->now->share < 0)
    return g_strdup_printf (_("%d %% the period before"), before);

  change = amends_percent_of (h->now->share) - before;
  if (change > 0)
    {
      *rgb = RGB_GOOD;
      /* Translators: a rise on the period before, as long: "▲ 5 points on the period before (55 %)" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "▲ %d point on the period before (%d %%)",
                                           "▲ %d points on the period before (%d %%)",
                                           change),
                              change, before);
    }
  if (change < 0)
    {
      *rgb = RGB_BAD;
      /* Translators: a fall on the period before, as long: "▼ 5 points on the period before (65 %)" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "▼ %d point on the period before (%d %%)",
                                           "▼ %d points on the period before (%d %%)",
                                           -change),
                              -change, before);
    }

  return g_strdup_printf (_("The same as the period before (%d %%)"), before);
}

/* How the share stands against the week before, and in which colour. */
static char *
against_week_before (const Headline *h,
                     guint32        *rgb)
{
  int before, change;

  *rgb = RGB_DIM;
  if (!h->week)
    return against_period_before (h, rgb);

  if (h->before->share < 0)
    return g_strdup (_("Nothing to compare with the week before"));

  before = amends_percent_of (h->before->share);
  if (h->now->share < 0)
    return g_strdup_printf (_("%d %% the week before"), before);

  change = amends_percent_of (h->now->share) - before;
  if (change > 0)
    {
      *rgb = RGB_GOOD;
      /* Translators: a rise on the week before, "▲ 5 points on the week before (55 %)" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "▲ %d point on the week before (%d %%)",
                                           "▲ %d points on the week before (%d %%)",
                                           change),
                              change, before);
    }
  if (change < 0)
    {
      *rgb = RGB_BAD;
      /* Translators: a fall on the week before, "▼ 5 points on the week before (65 %)" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "▼ %d point on the week before (%d %%)",
                                           "▼ %d points on the week before (%d %%)",
                                           -change),
                              -change, before);
    }

  return g_strdup_printf (_("The same as the week before (%d %%)"), before);
}

/* One headline measure: the figure large, then how it stands against the
 * target and against the week before.  Returns the height it took. */
static double
place_headline (AmendsPageCursor *cur,
                const Headline   *h,
                double            x,
                double            y,
                double            width,
                gboolean          measure_only)
{
  g_autofree char *figure = NULL;
  g_autofree char *of = headline_of (h);
  g_autofree char *target = NULL;
  g_autofree char *week_before = NULL;
  const char *lines[2];
  guint32 colours[2];
  double top = y;
  double inner = width - 14;
  double fx = x + 14;

  if (h->now->share < 0)
    figure = g_strdup ("—");
  else
    figure = amends_percent_format (amends_percent_of (h->now->share));
  lines[0] = target = against_target (h, &colours[0]);
  lines[1] = week_before = against_week_before (h, &colours[1]);

  y += 10;
  if (measure_only)
    {
      y += amends_page_measure (cur, STYLE_FIGURE_LABEL, h->label, inner) + 2;
      y += amends_page_measure (cur, STYLE_FIGURE, figure, inner);
      y += amends_page_measure (cur, STYLE_SMALL, of, inner) + 6;
      for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
        y += amends_page_measure (cur, STYLE_BODY, lines[i], inner) + 1;
    }
  else
    {
      y += amends_page_add_text (cur, STYLE_FIGURE_LABEL, fx, y, inner, h->label) + 2;
      y += amends_page_add_text_full (cur, STYLE_FIGURE, fx, y, inner, PANGO_ALIGN_LEFT, h->accent, figure);
      y += amends_page_add_text (cur, STYLE_SMALL, fx, y, inner, of) + 6;
      for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
        y += amends_page_add_text_full (cur, STYLE_BODY, fx, y, inner, PANGO_ALIGN_LEFT,
                                        colours[i], lines[i]) + 1;
    }
  y += 10;

  return y - top;
}

void
amends_report_place_headlines (AmendsPageCursor          *cur,
                               const AmendsReportOptions *options,
                               const AmendsMeasures      *now,
                               const AmendsMeasures      *before,
                               gboolean                   week)
{
  double gap = 16;
  double width = (cur->right - cur->left - gap) / 2;
  g_autofree char *within_label = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *unrecorded = NULL;
  Headline h[2];
  double height;

  /* Never silently dropped: the cases not yet measured, and the
   * recoveries whose reaction nobody wrote down. */
  if (now->n_pending > 0)
    pending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u still within its clock",
                                            "%u still within their clock",
                                            now->n_pending),
                               now->n_pending);
  if (now->n_reaction_unknown > 0)
    /* Translators: "reaction not recorded: 1 of 7" recovered cases */
    unrecorded = g_strdup_printf (_("reaction not recorded: %u of %u"),
                                  now->n_reaction_unknown, now->n_recovered);

  within_label = amends_target_format_within (now->target_min_seconds, now->target_max_seconds,
                                              options->recovery_target_hours);
  h[0] = (Headline) { within_label, &now->recovered_within, &before->recovered_within,
                      options->target_recovered_within, RGB_ACCENT, pending, week };
  h[1] = (Headline) { _("Customers blown away"), &now->blown_away, &before->blown_away,
                      options->target_blown_away, RGB_SECOND, unrecorded, week };

  height = MAX (place_headline (cur, &h[0], cur->left, cur->y, width, TRUE),
                place_headline (cur, &h[1], cur->left + width + gap, cur->y, width, TRUE));
  amends_page_need (cur, height);

  for (guint i = 0; i < 2; i++)
    {
      double x = cur->left + i * (width + gap);

      amends_page_add_band (cur, x, cur->y, width, height, RGB_BAND);
      amends_page_add_band (cur, x, cur->y, 4, height, h[i].accent);
      place_headline (cur, &h[i], x, cur->y, width, FALSE);
    }

  cur->y += height + 12;
}

/* A strip of the other figures of the week, each a small label over a
 * value.  A week that is @over is a record: its open cases as they stood
 * at its end, whenever it is printed. */
void
amends_report_place_key_figures (AmendsPageCursor     *cur,
                                 const AmendsMeasures *now,
                                 gboolean              over,
                                 gboolean              week)
{
  g_autofree char *happened = g_strdup_printf ("%u", now->n_happened);
  g_autofree char *open = g_strdup_printf ("%u", now->n_open);
  g_autofree char *overdue = g_strdup_printf ("%u", now->n_overdue);
  g_autofree char *unowned = g_strdup_printf ("%u", now->n_unowned);
  g_autofree char *median = amends_report_format_span (now->median_seconds);
  const char *labels[] = {
    week ? _("Cases this week") : _("Cases in the period"),
    over ? (week ? _("Open at week’s end") : _("Open at the end")) : _("Open now"),
    over ? (week ? _("Past due at week’s end") : _("Past due at the end")) : _("Past due now"),
    _("Open without owner"), _("Median time to recovery"),
  };
  const char *values[] = { happened, open, overdue, unowned, median };
  guint n = G_N_ELEMENTS (labels);
  double width = (cur->right - cur->left) / n;
  double height = 0;

  for (guint i = 0; i < n; i++)
    height = MAX (height, amends_page_measure (cur, STYLE_SMALL, labels[i], width - 8) + 2
                          + amends_page_measure (cur, STYLE_STAT, values[i], width - 8));
  amends_page_need (cur, height + 8);

  for (guint i = 0; i < n; i++)
    {
      double x = cur->left + i * width;
      double y = cur->y;

      y += amends_page_add_text (cur, STYLE_SMALL, x, y, width - 8, labels[i]) + 2;
      amends_page_add_text_full (cur, STYLE_STAT, x, y, width - 8, PANGO_ALIGN_LEFT,
                                 i == 2 && now->n_overdue > 0 ? RGB_BAD : RGB_TEXT, values[i]);
    }

  cur->y += height + 8;
  amends_page_add_rule (cur, cur->y, 0.5, RGB_RULE);
  cur->y += SECTION_GAP;
}
