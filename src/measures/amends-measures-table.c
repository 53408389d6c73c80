/* amends-measures-table.c: the measures per owner, team or category
 *
 * A heading row and a row per owner, team or category, most cases first:
 * how many cases, the two headline shares and the median time.  A few
 * dozen rows at most, so a list box of rows made whole each time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-measures-table"

#include "config.h"

#include "amends-measures-table.h"

#include <glib/gi18n.h>

#include "amends-measures-format.h"
#include "amends-store-targets.h"

struct _AmendsMeasuresTable
{
  GtkWidget   parent_instance;

  /* template */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (AmendsMeasuresTable, amends_measures_table, GTK_TYPE_WIDGET)

enum {
  COLUMN_NAME,
  COLUMN_CASES,
  COLUMN_WITHIN,
  COLUMN_BLOWN,
  COLUMN_MEDIAN,
  COLUMN_TARGET,
  N_COLUMNS
};

/* Most cases of the period first, as the "Cases" column counts them; the
 * sort is stable, so the store's order breaks ties. */
static int
compare_rows_by_cases (gconstpointer a,
                       gconstpointer b)
{
  const AmendsMeasureRow *ra = *(AmendsMeasureRow * const *) a;
  const AmendsMeasureRow *rb = *(AmendsMeasureRow * const *) b;

  if (ra->measures.n_happened != rb->measures.n_happened)
    return ra->measures.n_happened > rb->measures.n_happened ? -1 : 1;

  return 0;
}

static GtkWidget *
cell_new (const char *text,
          guint       column,
          gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  if (column == COLUMN_NAME)
    {
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_size_request (label, 120, -1);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_width_chars (GTK_LABEL (label), column == COLUMN_CASES || column == COLUMN_TARGET ? 6 : 11);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_wrap (GTK_LABEL (label), header);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_add_css_class (label, "numeric");
    }

  if (header)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_END);
    }

  return label;
}

static GtkWidget *
table_row_new (const char * const *cells,
               gboolean            header)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (box, "measures-row");
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_box_append (GTK_BOX (box), cell_new (cells[i], i, header));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (header)
    {
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_add_css_class (row, "header-row");
      /* The row's cells are said with each row instead. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }

  return row;
}

static void
append_empty_row (AmendsMeasuresTable *self)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (_("No cases in this period."));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->list, row);
}

static GtkWidget *
measure_row_new (const AmendsMeasureRow *r,
                 AmendsMeasureBy         by,
                 const char * const     *header)
{
  g_autofree char *cases = g_strdup_printf ("%u", r->measures.n_happened);
  g_autofree char *within = amends_measures_format_share (&r->measures.recovered_within);
  g_autofree char *blown = amends_measures_format_share (&r->measures.blown_away);
  g_autofree char *median = amends_measures_format_seconds (r->measures.median_seconds);
  g_autofree char *target = amends_target_format_range (r->measures.target_min_seconds,
                                                        r->measures.target_max_seconds);
  g_autofree char *label = NULL;
  const char *cells[N_COLUMNS] = { r->name, cases, within, blown, median, target };
  GtkWidget *row = table_row_new (cells, FALSE);

  if (by == AMENDS_MEASURE_BY_OWNER && r->staff_id == 0)
    gtk_widget_add_css_class (row, "unowned-row");

  /* Translators: a table row read by a screen reader: "Ada Moreau: 5 cases,
   * in time 80 %, blown away 50 %, median time 3 h, target 4 h" */
  label = g_strdup_printf (ngettext ("%s: %s case, %s %s, %s %s, %s %s, %s %s",
                                     "%s: %s cases, %s %s, %s %s, %s %s, %s %s",
                                     r->measures.n_happened),
                           r->name, cases,
                           header[COLUMN_WITHIN], within,
                           header[COLUMN_BLOWN], blown,
                           header[COLUMN_MEDIAN], median,
                           header[COLUMN_TARGET], target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "cells",
                          g_strjoinv ("\t", (char **) (const char *[]) { r->name, cases, within, blown, median, target, NULL }),
                          g_free);

  return row;
}

static void
amends_measures_table_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMENDS_TYPE_MEASURES_TABLE);

  G_OBJECT_CLASS (amends_measures_table_parent_class)->dispose (object);
}

static void
amends_measures_table_class_init (AmendsMeasuresTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_measures_table_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-measures-table.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresTable, list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The list inside is what a screen reader names, by the table's label:
   * a named group around it as well would be said twice. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
amends_measures_table_init (AmendsMeasuresTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL,
                                  -1);
}

/**
 * amends_measures_table_fill:
 * @by: what a row is of
 * @rows: (nullable) (element-type AmendsMeasureRow): the rows, sorted here
 * @hours: the desk's recovery target; unused since each line shows its own
 */
void
amends_measures_table_fill (AmendsMeasuresTable *self,
                            AmendsMeasureBy      by,
                            GPtrArray           *rows,
                            int                  hours)
{
  const char *header[N_COLUMNS];

  g_return_if_fail (AMENDS_IS_MEASURES_TABLE (self));

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list)));)
    gtk_list_box_remove (self->list, child);

  header[COLUMN_NAME] = by == AMENDS_MEASURE_BY_OWNER ? _("Owner")
                      : by == AMENDS_MEASURE_BY_TEAM ? _("Team")
                      : _("Category");
  header[COLUMN_CASES] = _("Cases");
  /* Each case is measured against its own target, shown in the last
   * column: one number of hours would be wrong when they differ.
   * Translators: a column heading: the share recovered within their target */
  header[COLUMN_WITHIN] = _("In time");
  header[COLUMN_BLOWN] = _("Blown away");
  /* Translators: a column heading: the median time to recovery */
  header[COLUMN_MEDIAN] = _("Median time");
  /* Translators: a column heading: the recovery target of the line's
   * cases, "4 h", or the shortest and longest, "4 h–2 d" */
  header[COLUMN_TARGET] = _("Target");
  gtk_list_box_append (self->list, table_row_new (header, TRUE));

  if (rows == NULL || rows->len == 0)
    {
      append_empty_row (self);
      return;
    }

  g_ptr_array_sort (rows, compare_rows_by_cases);
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->list, measure_row_new (rows->pdata[i], by, header));
}

/* How many lines the table shows, not its heading. */
guint
amends_measures_table_get_n_rows (AmendsMeasuresTable *self)
{
  guint n = 0;

  g_return_val_if_fail (AMENDS_IS_MEASURES_TABLE (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "cells") != NULL)
      n++;

  return n;
}

/**
 * amends_measures_table_dup_row_text:
 *
 * Returns: (nullable): the cells of a line, joined by tabs:
 *   "Ada Moreau\t3\t100 %\t50 %\t6 h 30 min\t4–48 h"
 */
char *
amends_measures_table_dup_row_text (AmendsMeasuresTable *self,
                                    guint                index)
{
  guint n = 0;

  g_return_val_if_fail (AMENDS_IS_MEASURES_TABLE (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *cells = g_object_get_data (G_OBJECT (row), "cells");

      if (cells != NULL && n++ == index)
        return g_strdup (cells);
    }

  return NULL;
}
