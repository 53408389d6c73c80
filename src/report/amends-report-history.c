/* amends-report-history.c: a case's history on paper, drawn with cairo
 *
 * The History page's entries (as filtered there) in a table of two
 * columns, when and what happened, with every text whole: on paper there
 * is no tooltip.  Times are whole dates, not "today".  It is laid out
 * once with the report's page helpers (amends-report-page.c) and each
 * page replayed on demand, so the print dialog and a PDF draw the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-history"

#include "config.h"

#include "amends-report-history.h"

#include <glib/gi18n.h>

#include "amends-history-entry.h"
#include "amends-history-format.h"
#include "amends-pdf-file.h"
#include "amends-report-page.h"
#include "amends-report-table.h"

#define FOOTER_GAP 18.0

struct _AmendsReportHistory
{
  GObject     parent_instance;

  char       *title;
  char       *subtitle;
  GListModel *entries;
  GDateTime  *printed_at;

  GPtrArray  *pages;      /* GPtrArray of AmendsPageOp*, a page each */
  double      page_width;
  double      page_height;
};

G_DEFINE_FINAL_TYPE (AmendsReportHistory, amends_report_history, G_TYPE_OBJECT)

static void
amends_report_history_finalize (GObject *object)
{
  AmendsReportHistory *self = AMENDS_REPORT_HISTORY (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->printed_at, g_date_time_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (amends_report_history_parent_class)->finalize (object);
}

static void
amends_report_history_class_init (AmendsReportHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amends_report_history_finalize;
}

static void
amends_report_history_init (AmendsReportHistory *self)
{
}

/**
 * amends_report_history_new:
 * @title: "History of C-2026-00042"
 * @subtitle: (nullable): the case's summary
 * @entries: the #AmendsHistoryEntry to print, in their order
 * @printed_at: when, for the foot of each page
 */
AmendsReportHistory *
amends_report_history_new (const char *title,
                           const char *subtitle,
                           GListModel *entries,
                           GDateTime  *printed_at)
{
  AmendsReportHistory *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);
  g_return_val_if_fail (printed_at != NULL, NULL);

  self = g_object_new (AMENDS_TYPE_REPORT_HISTORY, NULL);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->entries = g_object_ref (entries);
  self->printed_at = g_date_time_ref (printed_at);

  return self;
}

static GPtrArray *
make_rows (AmendsReportHistory *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = g_list_model_get_n_items (self->entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendsHistoryEntry) entry = g_list_model_get_item (self->entries, i);
      char **cells = g_new0 (char *, 3);

      cells[0] = amends_history_format_time (amends_history_entry_get_at (entry), NULL);
      cells[1] = g_strdup (amends_history_entry_get_full_sentence (entry));
      g_ptr_array_add (rows, cells);
    }

  return rows;
}

/**
 * amends_report_history_layout:
 * @cr: a context on the surface the pages will be drawn on, to measure text
 *
 * Places the history on pages of @page_width by @page_height points.
 * Can be called again, for another page size.
 */
void
amends_report_history_layout (AmendsReportHistory *self,
                              cairo_t             *cr,
                              double               page_width,
                              double               page_height)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *count = NULL;
  AmendsPageCursor cur = { 0 };
  PangoContext *context;
  guint n;
  const AmendsPageColumn columns[] = {
    /* Translators: a column of the printed history */
    { C_("history column", "When"), 0.26, PANGO_ALIGN_LEFT },
    /* Translators: a column of the printed history */
    { C_("history column", "What happened"), 0.74, PANGO_ALIGN_LEFT },
  };

  g_return_if_fail (AMENDS_IS_REPORT_HISTORY (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_width > 2 * MARGIN_X && page_height > 300);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->page_width = page_width;
  self->page_height = page_height;

  context = amends_page_create_context (cr);
  cur.context = context;
  cur.pages = self->pages;
  cur.left = MARGIN_X;
  cur.right = page_width - MARGIN_X;
  cur.bottom = page_height - MARGIN_BOTTOM;
  amends_page_break (&cur);

  cur.y += amends_page_add_text (&cur, STYLE_TITLE, cur.left, cur.y, cur.right - cur.left, self->title) + 4;
  if (self->subtitle != NULL && *self->subtitle != '\0')
    cur.y += amends_page_add_text (&cur, STYLE_SUBTITLE, cur.left, cur.y, cur.right - cur.left,
                                   self->subtitle) + 4;
  n = g_list_model_get_n_items (self->entries);
  /* Translators: the heading of the printed history's table */
  count = g_strdup_printf (ngettext ("%u change, the newest first", "%u changes, the newest first", n), n);
  cur.y += SECTION_GAP / 2;

  rows = make_rows (self);
  amends_page_place_table (&cur, count, columns, G_N_ELEMENTS (columns), rows,
                           _("No changes to show."), NULL);

  g_object_unref (context);
}

guint
amends_report_history_get_n_pages (AmendsReportHistory *self)
{
  g_return_val_if_fail (AMENDS_IS_REPORT_HISTORY (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

static void
draw_margins (AmendsReportHistory *self,
              cairo_t             *cr,
              PangoContext        *context,
              guint                page)
{
  g_autofree char *printed = NULL;
  g_autofree char *page_text = NULL;
  g_autofree char *when = amends_history_format_time (self->printed_at, NULL);
  double footer_y = self->page_height - MARGIN_BOTTOM + FOOTER_GAP;
  double width = self->page_width - 2 * MARGIN_X;

  if (page > 0)
    {
      amends_page_draw_text (cr, context, STYLE_SMALL, MARGIN_X, MARGIN_TOP - 4, width,
                             PANGO_ALIGN_LEFT, RGB_DIM, self->title);
      amends_page_fill (cr, MARGIN_X, MARGIN_TOP + RUNNING_HEAD - 12, width, 0.75, RGB_RULE);
    }

  amends_page_fill (cr, MARGIN_X, footer_y - 6, width, 0.5, RGB_RULE);
  /* Translators: at the foot of each page of the printed history */
  printed = g_strdup_printf (_("Printed %s"), when);
  /* Translators: at the foot of each page, "Page 1 of 3" */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  amends_page_draw_text (cr, context, STYLE_SMALL, MARGIN_X, footer_y, width, PANGO_ALIGN_LEFT,
                         RGB_DIM, printed);
  amends_page_draw_text (cr, context, STYLE_SMALL, MARGIN_X, footer_y, width, PANGO_ALIGN_RIGHT,
                         RGB_DIM, page_text);
}

/**
 * amends_report_history_draw_page:
 * @cr: a context whose user units are points, with the page's top left
 *   corner at 0, 0
 * @page: from 0
 */
void
amends_report_history_draw_page (AmendsReportHistory *self,
                                 cairo_t             *cr,
                                 guint                page)
{
  PangoContext *context;
  GPtrArray *ops;

  g_return_if_fail (AMENDS_IS_REPORT_HISTORY (self));
  g_return_if_fail (self->pages != NULL && page < self->pages->len);

  ops = self->pages->pdata[page];
  context = amends_page_create_context (cr);

  cairo_save (cr);
  for (guint i = 0; i < ops->len; i++)
    amends_page_draw_op (cr, context, ops->pdata[i]);
  draw_margins (self, cr, context, page);
  cairo_restore (cr);

  g_object_unref (context);
}

static gboolean
draw_history (cairo_t   *cr,
              double     width,
              double     height,
              gpointer   user_data,
              GError   **error)
{
  AmendsReportHistory *self = user_data;

  amends_report_history_layout (self, cr, width, height);
  for (guint i = 0; i < self->pages->len; i++)
    {
      amends_report_history_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  return TRUE;
}

/**
 * amends_report_history_write_pdf:
 *
 * Lays the history out on pages of the size given and writes them to
 * @path, as the print dialog would print them, whole or not at all and
 * readable by its owner only, like every PDF of Amends: it holds what
 * guests complained of (amends_pdf_file_write()).
 */
gboolean
amends_report_history_write_pdf (AmendsReportHistory  *self,
                                 const char           *path,
                                 double                page_width,
                                 double                page_height,
                                 GError              **error)
{
  g_return_val_if_fail (AMENDS_IS_REPORT_HISTORY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return amends_pdf_file_write (path, self->title, page_width, page_height, draw_history, self, error);
}
