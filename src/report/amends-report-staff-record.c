/* amends-report-staff-record.c: a person's recovery record, for reviews,
 * as PDF
 *
 * Recovery expectations belong in every performance review: this page
 * puts one person's record over a period on paper, in the words and with
 * the figures the Recovery Record window shows (both take them from
 * here), which are the Measures view's per-owner line for that period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-staff-record"

#include "config.h"

#include "amends-report-staff-record.h"

#include <glib/gi18n.h>

#include "amends-report-doc.h"
#include "amends-report-format.h"

static void
figure_clear (gpointer data)
{
  AmendsStaffFigure *figure = data;

  g_free (figure->value);
}

static void
add_figure (GArray     *figures,
            const char *label,
            char       *value)
{
  AmendsStaffFigure figure = { label, value };

  g_array_append_val (figures, figure);
}

static char *
format_count (guint n)
{
  return g_strdup_printf ("%u", n);
}

/**
 * amends_staff_record_figures:
 *
 * Returns: (transfer full) (element-type AmendsStaffFigure): the record's
 *   figures in words, in the order they are shown
 */
GArray *
amends_staff_record_figures (const AmendsStaffRecord *record)
{
  GArray *figures = g_array_new (FALSE, FALSE, sizeof (AmendsStaffFigure));
  const AmendsMeasures *m = &record->measures;
  g_autofree char *within = amends_report_format_share (&m->recovered_within);

  g_array_set_clear_func (figures, figure_clear);

  add_figure (figures, _("Cases owned"), format_count (m->n_happened));
  if (m->n_pending > 0)
    /* Translators: a share recovered in time, then how many are still within their clock */
    add_figure (figures, _("Recovered within target"),
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u still within its clock",
                                              "%s; %u still within their clock", m->n_pending),
                                 within, m->n_pending));
  else
    add_figure (figures, _("Recovered within target"), g_steal_pointer (&within));
  add_figure (figures, _("Customers blown away"), amends_report_format_share (&m->blown_away));
  add_figure (figures, _("Recovered in the period"), format_count (m->n_recovered));
  add_figure (figures, _("Stories they are a hero of"), format_count (record->n_hero_stories));
  add_figure (figures, _("Cases helped on"), format_count (record->n_helped));
  add_figure (figures, _("Rules bent"), format_count (m->n_rule_bends));

  return figures;
}

/* "1 May 2026 – 31 May 2026": the period's last day, as it ends before
 * its until. */
char *
amends_staff_record_format_period (const AmendsStaffRecord *record)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (record->from);
  g_autoptr(GDateTime) last = g_date_time_new_from_unix_local (MAX (record->from, record->until - 1));
  g_autofree char *a = amends_report_format_day_month_year (from);
  g_autofree char *b = amends_report_format_day_month_year (last);

  /* Translators: a period from one day to another */
  return g_strdup_printf (_("%s – %s"), a, b);
}

/* "RM-0042, 3 May 2026: Cold room\nRule: …\nWhy: …" */
char *
amends_staff_record_format_bend (const AmendsRuleBend *bend)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (bend->occurred_at);
  g_autofree char *day = amends_report_format_day_month_year (when);

  /* Translators: a rule bent on a case: its reference, day and summary,
   * then the rule, then why it was bent */
  return g_strdup_printf (_("%s, %s: %s\nRule: %s\nWhy: %s"),
                          bend->reference ? bend->reference : "", day,
                          bend->summary ? bend->summary : "",
                          bend->rule ? bend->rule : _("not named"),
                          bend->why ? bend->why : _("not written down"));
}

typedef struct
{
  const AmendsStaffRecord *record;
  const char              *organisation;
  GDateTime               *made_at;
} Page;

static void
place (AmendsPageCursor *cur,
       AmendsPageStyle   style,
       guint32           rgb,
       const char       *text,
       double            gap)
{
  double width = cur->right - cur->left;
  double height = amends_page_measure (cur, style, text, width);

  amends_page_need (cur, height);
  amends_page_add_text_full (cur, style, cur->left, cur->y, width, PANGO_ALIGN_LEFT, rgb, text);
  cur->y += height + gap;
}

static void
place_figures (AmendsPageCursor        *cur,
               const AmendsStaffRecord *record)
{
  g_autoptr(GArray) figures = amends_staff_record_figures (record);
  double label_width = (cur->right - cur->left) * 0.45;
  double value_x = cur->left + label_width + 12;
  double value_width = cur->right - value_x;

  for (guint i = 0; i < figures->len; i++)
    {
      AmendsStaffFigure *f = &g_array_index (figures, AmendsStaffFigure, i);
      double h = MAX (amends_page_measure (cur, STYLE_BODY, f->label, label_width),
                      amends_page_measure (cur, STYLE_STAT, f->value, value_width));

      amends_page_need (cur, h + 8);
      if (i % 2 == 0)
        amends_page_add_band (cur, cur->left, cur->y - 3, cur->right - cur->left, h + 6, RGB_BAND);
      amends_page_add_text_full (cur, STYLE_BODY, cur->left + 6, cur->y + 2, label_width - 6,
                                 PANGO_ALIGN_LEFT, RGB_DIM, f->label);
      amends_page_add_text_full (cur, STYLE_STAT, value_x, cur->y, value_width,
                                 PANGO_ALIGN_LEFT, RGB_TEXT, f->value);
      cur->y += h + 8;
    }
}

static gboolean
lay_out_record (AmendsPageCursor  *cur,
                gpointer           data,
                GError           **error)
{
  Page *page = data;
  const AmendsStaffRecord *record = page->record;
  g_autofree char *period = amends_staff_record_format_period (record);
  g_autofree char *day = amends_report_format_day_month_year (page->made_at);
  /* Translators: at the top of a staff record: when it was made */
  g_autofree char *made = g_strdup_printf (_("Made on %s"), day);

  if (page->organisation != NULL && *page->organisation != '\0')
    place (cur, STYLE_ORGANISATION, RGB_ACCENT, page->organisation, 6);
  place (cur, STYLE_TITLE, RGB_TEXT, record->name, 2);
  /* Translators: the title of a staff member's record, under their name */
  place (cur, STYLE_SUBTITLE, RGB_DIM, _("Recovery Record"), 2);
  place (cur, STYLE_SUBTITLE, RGB_DIM, period, 4);
  place (cur, STYLE_SMALL, RGB_FAINT, made, 10);
  amends_page_add_rule (cur, cur->y, 1.0, RGB_RULE);
  cur->y += 16;

  place_figures (cur, record);
  cur->y += 14;

  place (cur, STYLE_HEADING, RGB_TEXT, _("Rules Bent, and Why"), 8);
  if (record->bends->len == 0)
    place (cur, STYLE_BODY, RGB_DIM, _("No rule was bent on their cases in this period."), 0);
  for (guint i = 0; i < record->bends->len; i++)
    {
      g_autofree char *text = amends_staff_record_format_bend (record->bends->pdata[i]);
      place (cur, STYLE_SUBTITLE, RGB_TEXT, text, 10);
    }

  cur->y += 14;
  place (cur, STYLE_SMALL, RGB_FAINT,
         _("Counted as the Measures view counts each owner: cases that happened in the period, "
           "recoveries made in it, the owner as it is now. Cases in the trash, not a service "
           "breakdown or duplicates are not counted."), 0);

  return TRUE;
}

gboolean
amends_staff_record_write_pdf (const AmendsStaffRecord  *record,
                               const char               *organisation,
                               GDateTime                *made_at,
                               const char               *path,
                               GError                  **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *title = NULL;
  Page page;
  AmendsDoc doc = { 0 };

  g_return_val_if_fail (record != NULL, FALSE);

  if (made_at == NULL)
    made_at = now = g_date_time_new_now_local ();

  /* Translators: the title of a staff record's PDF; %s is the person's name */
  title = g_strdup_printf (_("Recovery Record: %s"), record->name);
  page = (Page) { record, organisation, made_at };
  doc.title = title;
  doc.layout = lay_out_record;
  doc.data = &page;

  return amends_doc_write_pdf (&doc, path, error);
}
