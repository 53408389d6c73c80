/* amends-import-columns.c: what a column of a CSV file is called, and what it holds
 *
 * The import dialog offers each column of a file that is not in our own
 * layout as a row: its header (or "Column 3"), the first values under it,
 * and the field to put it in, guessed from the header when the header
 * names one ("occurred_at", "Occurred at", "When it happened").  The
 * preview shows the first rows as they are, each cell cut short: a field
 * can be 1 MB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-import-columns"

#include "config.h"

#include "amends-import-columns.h"

#include <glib/gi18n.h>
#include <string.h>

#define N_SUBTITLE_VALUES  3
#define MAX_VALUE_CHARS    40
/* A cell of the preview never holds more: a field can be 1 MB. */
#define MAX_CELL_CHARS     200

/* What a person at the desk calls each field, in the order the choices
 * are offered: the fields most files have first.  A field missing here is
 * offered last, by its own name. */
static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "summary",          N_("What went wrong (summary)") },
  { "description",      N_("Description") },
  { "customer",         N_("Customer") },
  { "customer_phone",   N_("Customer’s phone") },
  { "customer_email",   N_("Customer’s email") },
  { "occurred_at",      N_("When it happened") },
  { "logged_at",        N_("When it was logged") },
  { "category",         N_("Category") },
  { "severity",         N_("Severity") },
  { "channel",          N_("Channel") },
  { "noticed_by",       N_("Noticed by") },
  { "owner",            N_("Owner") },
  { "team",             N_("Team") },
  { "status",           N_("Status") },
  { "recovery_due_at",  N_("Recovery due") },
  { "recovered_at",     N_("When it was recovered") },
  { "closed_at",        N_("When it was closed") },
  { "fix",              N_("Fix") },
  { "reaction",         N_("Customer’s reaction") },
  { "came_back",        N_("Customer came back") },
  { "lesson",           N_("Lesson") },
  { "lesson_cause",     N_("Cause of the breakdown") },
  { "process_changed",  N_("The process was changed") },
  { "follow_up_due_at", N_("Follow-up due") },
  { "surprise",         N_("Surprise") },
  { "surprise_cost",    N_("Cost of the surprise") },
  { "rule_bent",        N_("A rule was bent") },
  { "bent_rule",        N_("Rule that was bent") },
  { "bent_rule_why",    N_("Why the rule was bent") },
  { "rater_failed",     N_("Rater failed") },
  { "rater_shown",      N_("Rater shown") },
  { "paused_seconds",   N_("Seconds the clock was paused") },
  { "reference",        N_("Reference") },
  { "room",             N_("Room or area") },
  { "arrival_at",       N_("Arrival") },
  { "departure_at",     N_("Departure") },
};

static const char *
field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);

  return field;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_str_equal (folded_a, folded_b);
}

/* "occurred_at", "Occurred at", "When it happened" and "What went wrong"
 * all name a field; so does "summary" for "What went wrong (summary)". */
gboolean
amends_import_header_names_field (const char *header,
                    const char *field)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (field), "_", ' ');
  const char *label = field_label (field);
  const char *paren = strstr (label, " (");
  g_autofree char *short_label = paren ? g_strndup (label, paren - label) : NULL;

  return same_name (header, field) ||
         same_name (header, spaced) ||
         same_name (header, label) ||
         (short_label != NULL && same_name (header, short_label));
}

/* One line, not too long, for a row's subtitle or a cell. */
static char *
shorten_to (const char *value,
            guint       max_chars)
{
  /* Only the start of a long value is looked at. */
  g_autofree char *start = g_utf8_substring (value, 0, MIN (g_utf8_strlen (value, 4 * max_chars + 4),
                                                             max_chars + 1));
  g_autofree char *line = g_strstrip (g_strdelimit (g_steal_pointer (&start), "\r\n\t", ' '));

  if (g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);

  {
    g_autofree char *cut = g_utf8_substring (line, 0, max_chars - 1);
    return g_strconcat (g_strchomp (cut), "…", NULL);
  }
}

static char *
shorten (const char *value)
{
  return shorten_to (value, MAX_VALUE_CHARS);
}

const char *
amends_import_preview_value (GPtrArray *preview,
               guint      row,
               guint      column)
{
  const char * const *values = preview->pdata[row];

  return column < g_strv_length ((char **) values) ? values[column] : "";
}

char *
amends_import_dup_column_title (const char *header,
                  guint       column)
{
  if (header != NULL && *header != '\0')
    return g_strdup (header);

  /* Translators: the title of a column whose header is empty; %u counts from 1 */
  return g_strdup_printf (_("Column %u"), column + 1);
}

char *
amends_import_dup_column_subtitle (GPtrArray *preview,
                     guint      column,
                     guint      n_rows)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_values = 0;
  guint r;

  for (r = 0; r < preview->len && n_values < N_SUBTITLE_VALUES; r++)
    {
      g_autofree char *value = shorten (amends_import_preview_value (preview, r, column));

      if (*value == '\0')
        continue;
      if (n_values > 0)
        g_string_append (text, ", ");
      g_string_append (text, value);
      n_values++;
    }

  if (n_values == 0)
    return g_strdup (_("Empty in the first rows"));

  if (r < n_rows)
    g_string_append (text, ", …");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

GtkWidget *
amends_import_preview_cell (const char *text,
              gboolean    is_header)
{
  g_autofree char *line = shorten_to (text, MAX_CELL_CHARS);
  GtkWidget *label = gtk_label_new (line);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (g_utf8_strlen (line, -1), 8));
  if (is_header)
    gtk_widget_add_css_class (label, "heading");
  else if (g_utf8_strlen (line, -1) > 24)
    gtk_widget_set_tooltip_text (label, line);

  return label;
}

static gboolean
is_offered (GPtrArray  *choices,
            const char *field)
{
  for (guint i = 0; i < choices->len; i++)
    if (g_strcmp0 (choices->pdata[i], field) == 0)
      return TRUE;

  return FALSE;
}

/**
 * amends_import_fill_choices:
 * @fields: the fields a case can be imported into
 * @choices: (element-type utf8): gets the field of each choice, %NULL
 *   first for "Do not import"
 *
 * Returns: (transfer full): the choices' labels, in the same order
 */
GtkStringList *
amends_import_fill_choices (const char * const *fields,
                            GPtrArray          *choices)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  g_ptr_array_add (choices, NULL);
  gtk_string_list_append (labels, _("Do not import"));

  /* The fields most files have first, by what people call them. */
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strv_contains (fields, field_labels[i].field))
      {
        g_ptr_array_add (choices, (gpointer) field_labels[i].field);
        gtk_string_list_append (labels, _(field_labels[i].label));
      }

  /* Any other, last, by its own name. */
  for (guint i = 0; fields[i] != NULL; i++)
    if (!is_offered (choices, fields[i]))
      {
        g_ptr_array_add (choices, (gpointer) fields[i]);
        gtk_string_list_append (labels, fields[i]);
      }

  return labels;
}
