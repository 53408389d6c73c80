/* amends-lessons-section.c: the Measures view's part on what the lessons say
 *
 * "Measured, not only recorded" (issue 14): under the per-category table,
 * whether the customers recovered in the period came back, beside whether
 * they were blown away ("not recorded: N of M" under each, as the
 * headline card says it); the RATER dimensions the period's breakdowns
 * failed and its recoveries showed; the causes the lessons name that keep
 * coming back, with how many led to a change of process; and the rules
 * that keep being bent, "rules never broken never change".
 *
 * The figures are amends-store-lessons.c's, measured in a worker thread
 * whenever the view measures its period; the rows are worded by the
 * weekly summary's own functions (amends-report-lessons.c), so that the
 * screen and the paper say the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-lessons-section"

#include "config.h"

#include "amends-lessons-section.h"

#include <glib/gi18n.h>

#include "amends-measures-format.h"
#include "amends-report-lessons.h"

struct _AmendsLessonsSection
{
  GtkWidget             parent_instance;

  GCancellable         *cancellable;
  AmendsLessonMeasures *measures;
  gboolean              up_to_date;

  GtkLabel             *blown_figure;
  GtkLabel             *blown_detail;
  GtkLabel             *came_back_figure;
  GtkLabel             *came_back_detail;
  GtkWidget            *blown_box;
  GtkWidget            *came_back_box;
  GtkLabel             *rater_hint;
  GtkListBox           *rater_table;
  GtkListBox           *cause_table;
  GtkListBox           *rule_table;
  GtkLabel             *rule_note;
};

G_DEFINE_FINAL_TYPE (AmendsLessonsSection, amends_lessons_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_UP_TO_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Tables */

static GtkWidget *
make_cell (const char *text,
           gboolean    first,
           gboolean    head)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), first ? 0 : 1);
  gtk_label_set_wrap (GTK_LABEL (label), first);
  gtk_widget_set_hexpand (label, first);
  if (!first)
    {
      /* The same width in the heading's smaller type as in the rows'. */
      gtk_widget_set_size_request (label, 112, -1);
      gtk_widget_add_css_class (label, "numeric");
    }
  if (head)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
    }

  return label;
}

/* A row of cells; said as "Title: cell, heading cell, …" by a screen
 * reader, which reads a row, not its labels one by one. */
static GtkWidget *
make_row (const char * const *titles,
          char              **cells,
          gboolean            head)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autoptr(GString) said = g_string_new (NULL);

  gtk_widget_set_margin_top (box, head ? 8 : 10);
  gtk_widget_set_margin_bottom (box, head ? 8 : 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      gtk_box_append (GTK_BOX (box), make_cell (cells[i], i == 0, head));
      if (i == 0)
        g_string_append (said, cells[i]);
      else
        g_string_append_printf (said, i == 1 ? ": %s %s" : ", %s %s", titles[i], cells[i]);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (!head)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, said->str, -1);
  else
    gtk_widget_set_focusable (row, FALSE);

  return row;
}

static void
clear_table (GtkListBox *table)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (table))) != NULL)
    gtk_list_box_remove (table, child);
}

/* @titles: NULL-terminated, a column each; @empty: said when there are
 * no rows. */
static void
fill_table (GtkListBox         *table,
            const char * const *titles,
            GPtrArray          *rows,
            const char         *empty)
{
  clear_table (table);

  if (rows->len == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (empty);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (table, row);
      return;
    }

  gtk_list_box_append (table, make_row (titles, (char **) titles, TRUE));
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (table, make_row (titles, rows->pdata[i], FALSE));
}

/* Showing */

static void
show_share (GtkLabel          *figure,
            GtkLabel          *detail,
            GtkWidget         *box,
            const AmendsShare *share,
            guint              n_unknown,
            guint              n_recovered,
            const char        *name)
{
  g_autofree char *text = amends_measures_format_share (share);
  g_autofree char *not_recorded = amends_report_format_not_recorded (n_unknown, n_recovered);
  g_autofree char *of = NULL;
  g_autofree char *said = NULL;

  if (amends_measures_share_known (share))
    /* Translators: under a share of the customers won back, as in "3 of 5 recorded · not recorded: 2 of 7" */
    of = g_strdup_printf (_("%u of %u recorded · %s"), share->n_counted, share->n_of, not_recorded);
  else if (n_recovered == 0)
    of = g_strdup (_("No case was recovered in the period."));
  else
    of = g_strdup (not_recorded);

  gtk_label_set_text (figure, text);
  gtk_label_set_text (detail, of);
  said = g_strdup_printf ("%s: %s, %s", name, text, of);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, said, -1);
}

static void
show_measures (AmendsLessonsSection *self)
{
  const AmendsLessonMeasures *m = self->measures;
  g_autoptr(GPtrArray) rater = amends_report_rater_rows (m);
  g_autoptr(GPtrArray) causes = amends_report_cause_rows (m);
  g_autoptr(GPtrArray) rules = amends_report_bent_rule_rows (m);
  g_autofree char *hint = NULL;
  const char *rater_titles[] = { _("Dimension"), _("Failed"), _("Shown"), NULL };
  const char *cause_titles[] = { _("Cause"), _("In the Period"), _("Process Changed"), _("Last 90 Days"), NULL };
  const char *rule_titles[] = { _("Rule"), _("Times Bent"), NULL };

  show_share (self->blown_figure, self->blown_detail, self->blown_box,
              &m->blown_away, m->n_reaction_unknown, m->n_recovered, _("Blown away"));
  show_share (self->came_back_figure, self->came_back_detail, self->came_back_box,
              &m->came_back, m->n_came_back_unknown, m->n_recovered, _("Came back"));

  hint = g_strdup_printf (ngettext ("Of the %u case that happened in the period: what its breakdown failed, and what its recovery showed.",
                                    "Of the %u cases that happened in the period: what their breakdowns failed, and what their recoveries showed.",
                                    m->n_happened),
                          m->n_happened);
  gtk_label_set_text (self->rater_hint, hint);
  fill_table (self->rater_table, rater_titles, rater, NULL);
  fill_table (self->cause_table, cause_titles, causes,
              _("No lesson named a cause in the period or in the 90 days before it. Name the cause under a case’s lesson."));
  fill_table (self->rule_table, rule_titles, rules, _("No rule was bent in the period."));

  if (m->n_rules_unnamed > 0)
    {
      g_autofree char *note = g_strdup_printf (ngettext ("And %u rule bent without saying which.",
                                                         "And %u rules bent without saying which.",
                                                         m->n_rules_unnamed),
                                               m->n_rules_unnamed);
      gtk_label_set_text (self->rule_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rule_note), m->n_rules_unnamed > 0);
}

static void
set_up_to_date (AmendsLessonsSection *self,
                gboolean              up_to_date)
{
  if (self->up_to_date == up_to_date)
    return;

  self->up_to_date = up_to_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UP_TO_DATE]);
}

static void
on_measured_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GWeakRef *weak = data;
  g_autoptr(AmendsLessonsSection) self = g_weak_ref_get (weak);
  g_autoptr(AmendsLessonMeasures) measures = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  measures = amends_lesson_measures_measure_finish (result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (measures == NULL)
    {
      /* The view above says that the measures could not be read. */
      g_debug ("The lessons could not be measured: %s", error->message);
    }
  else
    {
      g_clear_pointer (&self->measures, amends_lesson_measures_free);
      self->measures = g_steal_pointer (&measures);
      show_measures (self);
    }
  set_up_to_date (self, TRUE);
}

/* GObject */

static void
amends_lessons_section_dispose (GObject *object)
{
  GtkWidget *child;
  AmendsLessonsSection *self = AMENDS_LESSONS_SECTION (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_LESSONS_SECTION);
  /* The template's top widget is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->measures, amends_lesson_measures_free);

  G_OBJECT_CLASS (amends_lessons_section_parent_class)->dispose (object);
}

static void
amends_lessons_section_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AmendsLessonsSection *self = AMENDS_LESSONS_SECTION (object);

  switch (prop_id)
    {
    case PROP_UP_TO_DATE:
      g_value_set_boolean (value, self->up_to_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_lessons_section_class_init (AmendsLessonsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_lessons_section_dispose;
  object_class->get_property = amends_lessons_section_get_property;

  /**
   * AmendsLessonsSection:up-to-date:
   *
   * Whether the figures shown are those last asked for.
   */
  properties [PROP_UP_TO_DATE] =
    g_param_spec_boolean ("up-to-date", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-lessons-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, blown_figure);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, blown_detail);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, came_back_figure);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, came_back_detail);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, blown_box);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, came_back_box);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, rater_hint);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, rater_table);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, cause_table);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, rule_table);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonsSection, rule_note);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lessonssection");
}

static void
amends_lessons_section_init (AmendsLessonsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
amends_lessons_section_new (void)
{
  return g_object_new (AMENDS_TYPE_LESSONS_SECTION, NULL);
}

/**
 * amends_lessons_section_measure:
 *
 * Measures [@from, @until) in a worker thread, dropping whatever was
 * being measured; the figures shown stay until the new ones come.
 */
void
amends_lessons_section_measure (AmendsLessonsSection *self,
                                AmendsStore          *store,
                                GDateTime            *from,
                                GDateTime            *until)
{
  GWeakRef *weak;

  g_return_if_fail (AMENDS_IS_LESSONS_SECTION (self));
  g_return_if_fail (AMENDS_IS_STORE (store));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_up_to_date (self, FALSE);

  /* Weak: a view closed meanwhile is not kept alive for its figures. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->cancellable = g_cancellable_new ();
  amends_lesson_measures_measure_async (store, from, until, self->cancellable, on_measured_cb, weak);
}

gboolean
amends_lessons_section_get_up_to_date (AmendsLessonsSection *self)
{
  g_return_val_if_fail (AMENDS_IS_LESSONS_SECTION (self), FALSE);

  return self->up_to_date;
}

/* The figures shown, or NULL before the first. */
const AmendsLessonMeasures *
amends_lessons_section_get_measures (AmendsLessonsSection *self)
{
  g_return_val_if_fail (AMENDS_IS_LESSONS_SECTION (self), NULL);

  return self->measures;
}

/* "rater", "causes" or "rules" */
GtkListBox *
amends_lessons_section_get_table (AmendsLessonsSection *self,
                                  const char           *name)
{
  g_return_val_if_fail (AMENDS_IS_LESSONS_SECTION (self), NULL);

  if (g_strcmp0 (name, "rater") == 0)
    return self->rater_table;
  if (g_strcmp0 (name, "causes") == 0)
    return self->cause_table;
  return self->rule_table;
}
