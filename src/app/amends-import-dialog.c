/* amends-import-dialog.c: which column of a CSV file holds what
 *
 * Shown for a file whose header row Amends does not know.  Every column of
 * the file gets a row with its first values, where the person chooses the
 * field it fills, or that it is not imported; a glance at the first rows
 * below helps to tell the columns apart.  Columns whose name is one of our
 * fields start chosen.  A field is filled from one column only, so choosing
 * it for a column lets go of it elsewhere.
 *
 * Shown too, without the columns, for a file Amends knows that leaves
 * something to ask (amends_import_dialog_is_needed()): whether its dates
 * are day or month first when nothing in the file tells, and what becomes
 * of the cases already here (a file exported from Amends, imported again).
 *
 * Import sets the answers on the import; a file of more than 100,000 rows
 * asks once more in a message dialog.  Then it remembers the mapping for
 * the next file with the same header row, emits ::mapped and closes; the
 * window runs the import.  Cancel and Escape close without remembering
 * anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-import-dialog"

#include "config.h"

#include "amends-import-dialog.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <string.h>

#include "amends-import-columns.h"
#include "amends-utils.h"

/* Rows of the file shown below the columns, and values in a row's subtitle. */
#define N_PREVIEW_ROWS     5
/* A cell of the preview never holds more: a field can be 1 MB. */
#define MAX_CELL_CHARS     200

struct _AmendsImportDialog
{
  AdwWindow             parent_instance;

  AmendsCsvImport      *import;
  /* The field of each choice in the rows' lists: NULL, then the fields. */
  GPtrArray            *choices;
  GPtrArray            *rows;       /* AdwComboRow, one a column */
  gboolean              letting_go;
  gboolean              choosing_columns;
  int                   reference_column;   /* whose references were counted */

  GtkLabel             *intro_label;
  AdwPreferencesGroup  *columns_group;
  AdwPreferencesGroup  *preview_group;
  GtkGrid              *preview_grid;
  AdwPreferencesGroup  *dates_group;
  AdwComboRow          *date_order_row;
  AdwPreferencesGroup  *existing_group;
  GtkCheckButton       *update_check;
};

G_DEFINE_FINAL_TYPE (AmendsImportDialog, amends_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_IMPORT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  MAPPED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *
row_get_field (AmendsImportDialog *self,
               AdwComboRow        *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < self->choices->len ? self->choices->pdata[selected] : NULL;
}

static guint
choice_of_field (AmendsImportDialog *self,
                 const char         *field)
{
  for (guint i = 1; i < self->choices->len; i++)
    if (g_strcmp0 (self->choices->pdata[i], field) == 0)
      return i;

  return 0;
}

static void
amends_import_dialog_update_import_action (AmendsImportDialog *self)
{
  gboolean has_summary = !self->choosing_columns;

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (row_get_field (self, self->rows->pdata[i]), "summary") == 0)
      has_summary = TRUE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", has_summary);
}

/* The column chosen for the references, from 0, or -1. */
static int
chosen_reference_column (AmendsImportDialog *self)
{
  if (!self->choosing_columns)
    return amends_csv_import_get_reference_column (self->import);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (row_get_field (self, self->rows->pdata[i]), "reference") == 0)
      return i;
  return -1;
}

/* "N cases already here": shown when the references of the file (of the
 * column chosen for them) are those of cases in the database. */
static void
amends_import_dialog_update_existing (AmendsImportDialog *self)
{
  int column = chosen_reference_column (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n = 0;

  if (column == self->reference_column)
    return;
  self->reference_column = column;

  if (column >= 0)
    n = amends_csv_import_count_existing (self->import, column, &error);
  if (error != NULL)
    g_warning ("The cases already here could not be counted: %s", error->message);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u case already here",
                                        "%u cases already here", n), n);
  adw_preferences_group_set_title (self->existing_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->existing_group), n > 0);
}

static void
on_row_selected_cb (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    AmendsImportDialog *self)
{
  const char *field = row_get_field (self, row);

  if (field != NULL && !self->letting_go)
    {
      self->letting_go = TRUE;
      for (guint i = 0; i < self->rows->len; i++)
        {
          AdwComboRow *other = self->rows->pdata[i];

          if (other != row && g_strcmp0 (row_get_field (self, other), field) == 0)
            adw_combo_row_set_selected (other, 0);
        }
      self->letting_go = FALSE;
    }

  amends_import_dialog_update_import_action (self);
  amends_import_dialog_update_existing (self);
}

static void
amends_import_dialog_fill_columns (AmendsImportDialog *self)
{
  const char * const *headers = amends_csv_import_get_headers (self->import);
  const char * const *fields = amends_csv_import_get_fields ();
  GHashTable *mapping = amends_csv_import_get_mapping (self->import);
  guint n_rows = amends_csv_import_get_n_rows (self->import);
  g_autoptr(GPtrArray) preview = amends_csv_import_get_preview (self->import, N_PREVIEW_ROWS);
  g_autoptr(GtkStringList) labels = NULL;
  g_autoptr(GHashTable) guessed = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (headers != NULL);

  labels = amends_import_fill_choices (fields, self->choices);

  for (guint c = 0; headers[c] != NULL; c++)
    {
      g_autofree char *title = amends_import_dup_column_title (headers[c], c);
      g_autofree char *subtitle = amends_import_dup_column_subtitle (preview, c, n_rows);
      const char *field = mapping ? g_hash_table_lookup (mapping, headers[c]) : NULL;
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      /* A header is the file's text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      amends_combo_row_show_full_labels (row);
      adw_combo_row_set_model (row, G_LIST_MODEL (labels));

      for (guint i = 1; i < self->choices->len && field == NULL; i++)
        if (!g_hash_table_contains (guessed, self->choices->pdata[i]) &&
            amends_import_header_names_field (headers[c], self->choices->pdata[i]))
          field = self->choices->pdata[i];
      if (field != NULL)
        {
          adw_combo_row_set_selected (row, choice_of_field (self, field));
          g_hash_table_add (guessed, (gpointer) field);
        }
      else
        adw_combo_row_set_selected (row, 0);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      g_signal_connect_object (row, "notify::selected",
                               G_CALLBACK (on_row_selected_cb), self, 0);

      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);

      gtk_grid_attach (self->preview_grid, amends_import_preview_cell (title, TRUE), c, 0, 1, 1);
      for (guint r = 0; r < preview->len; r++)
        gtk_grid_attach (self->preview_grid,
                         amends_import_preview_cell (amends_import_preview_value (preview, r, c), FALSE),
                         c, r + 1, 1, 1);
    }

}

/* The person's own order of dates, for a start. */
static AmendsCsvDateOrder
locale_date_order (void)
{
  const char *format = nl_langinfo (D_FMT);
  const char *day = strstr (format, "%d");
  const char *month = strstr (format, "%m");

  if (day != NULL && month != NULL && month < day)
    return AMENDS_CSV_DATE_ORDER_MONTH_FIRST;
  return AMENDS_CSV_DATE_ORDER_DAY_FIRST;
}

static void
amends_import_dialog_fill_questions (AmendsImportDialog *self)
{
  if (amends_csv_import_needs_date_order (self->import))
    {
      g_autofree char *example = g_strdup_printf (_("The file has dates like “%s”"),
                                                  amends_csv_import_get_ambiguous_date (self->import));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_order_row), example);
      adw_combo_row_set_selected (self->date_order_row,
                                  locale_date_order () == AMENDS_CSV_DATE_ORDER_MONTH_FIRST ? 1 : 0);
      gtk_widget_set_visible (GTK_WIDGET (self->dates_group), TRUE);
    }

  gtk_check_button_set_active (self->update_check,
                               amends_csv_import_get_existing (self->import) == AMENDS_CSV_EXISTING_UPDATE);
  self->reference_column = -2;
  amends_import_dialog_update_existing (self);
}

static void
amends_import_dialog_fill (AmendsImportDialog *self)
{
  self->choosing_columns = amends_csv_import_get_format (self->import) == AMENDS_CSV_FORMAT_UNKNOWN;

  if (self->choosing_columns)
    amends_import_dialog_fill_columns (self);
  else
    {
      guint n = amends_csv_import_get_n_rows (self->import);
      g_autofree char *intro = NULL;

      /* Translators: "The file holds 63 cases (Amends export)." */
      intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The file holds %u case (%s). Say how to import it.",
                                            "The file holds %u cases (%s). Say how to import them.", n),
                               n, amends_csv_format_to_label (amends_csv_import_get_format (self->import)));
      gtk_window_set_title (GTK_WINDOW (self), _("Import Cases"));
      gtk_label_set_label (self->intro_label, intro);
      gtk_widget_set_visible (GTK_WIDGET (self->columns_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->preview_group), FALSE);
    }

  amends_import_dialog_fill_questions (self);
  amends_import_dialog_update_import_action (self);
}

/* Every answer is on the import: remember the columns, and let the
 * window run it. */
static void
amends_import_dialog_finish (AmendsImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  /* Not remembering is no reason not to import this file. */
  if (self->choosing_columns && !amends_csv_import_save_mapping (self->import, &error))
    g_warning ("The columns could not be remembered: %s", error->message);

  g_object_ref (self);
  g_signal_emit (self, signals [MAPPED], 0);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static gboolean
finish_idle_cb (gpointer data)
{
  amends_import_dialog_finish (data);
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        AmendsImportDialog *self)
{
  if (g_strcmp0 (response, "import") != 0)
    return;

  amends_csv_import_set_confirmed_large (self->import, TRUE);
  /* Once the message dialog has closed: closing this dialog now would
   * destroy it (its transient parent) in the middle of its response. */
  g_idle_add_full (G_PRIORITY_DEFAULT, finish_idle_cb, g_object_ref (self), g_object_unref);
}

/* More than 100,000 rows: likely a mistake (the wrong file, a whole
 * export of another system), and long to import; so asked once more. */
static void
amends_import_dialog_confirm_large (AmendsImportDialog *self)
{
  guint n = amends_csv_import_get_n_rows (self->import);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Case?", "Import %u Cases?", n), n);
  body = g_strdup_printf (_("This file holds %u cases, more than the %u that Amends imports "
                            "without asking. Importing them takes a while, and adds every one "
                            "of them to the list."),
                          n, (guint) AMENDS_CSV_MAX_ROWS_UNCONFIRMED);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
amends_import_dialog_import_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  AmendsImportDialog *self = AMENDS_IMPORT_DIALOG (widget);

  if (self->choosing_columns)
    {
      const char * const *headers = amends_csv_import_get_headers (self->import);
      g_autoptr(GHashTable) mapping = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint c = 0; c < self->rows->len; c++)
        {
          const char *field = row_get_field (self, self->rows->pdata[c]);

          if (field != NULL)
            g_hash_table_insert (mapping, (gpointer) headers[c], (gpointer) field);
        }

      amends_csv_import_set_mapping (self->import, mapping);
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->dates_group)))
    amends_csv_import_set_date_order (self->import,
                                      adw_combo_row_get_selected (self->date_order_row) == 1
                                      ? AMENDS_CSV_DATE_ORDER_MONTH_FIRST
                                      : AMENDS_CSV_DATE_ORDER_DAY_FIRST);

  if (gtk_widget_get_visible (GTK_WIDGET (self->existing_group)))
    amends_csv_import_set_existing (self->import,
                                    gtk_check_button_get_active (self->update_check)
                                    ? AMENDS_CSV_EXISTING_UPDATE
                                    : AMENDS_CSV_EXISTING_SKIP);

  if (amends_csv_import_needs_confirmation (self->import))
    amends_import_dialog_confirm_large (self);
  else
    amends_import_dialog_finish (self);
}

static void
amends_import_dialog_constructed (GObject *object)
{
  AmendsImportDialog *self = AMENDS_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (amends_import_dialog_parent_class)->constructed (object);

  amends_import_dialog_fill (self);

  if (self->rows->len > 0)
    gtk_widget_grab_focus (self->rows->pdata[0]);
}

static void
amends_import_dialog_finalize (GObject *object)
{
  AmendsImportDialog *self = AMENDS_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (amends_import_dialog_parent_class)->finalize (object);
}

static void
amends_import_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AmendsImportDialog *self = AMENDS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      g_value_set_object (value, self->import);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_import_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AmendsImportDialog *self = AMENDS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      self->import = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_import_dialog_class_init (AmendsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = amends_import_dialog_constructed;
  object_class->finalize = amends_import_dialog_finalize;
  object_class->get_property = amends_import_dialog_get_property;
  object_class->set_property = amends_import_dialog_set_property;

  properties [PROP_IMPORT] =
    g_param_spec_object ("import", NULL, NULL,
                         AMENDS_TYPE_CSV_IMPORT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsImportDialog::mapped:
   * @self: the dialog
   *
   * The columns are chosen, set on the import and remembered; the dialog
   * closes right after, and the import is ready to run.
   */
  signals [MAPPED] =
    g_signal_new ("mapped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsImportDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, AmendsImportDialog, dates_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsImportDialog, existing_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsImportDialog, update_check);

  gtk_widget_class_install_action (widget_class, "import.import", NULL,
                                   amends_import_dialog_import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amends_import_dialog_init (AmendsImportDialog *self)
{
  self->choices = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
}

/**
 * amends_import_dialog_is_needed:
 * @import: a file that was read
 *
 * Whether the person has something to say before @import runs: which
 * column holds what (columns Amends does not know), whether dates like
 * 01/02/2026 are day or month first (when the file does not tell), what
 * becomes of the cases already here (references of this database), or
 * that a file of more than 100,000 rows is meant.  Reads the store.
 *
 * Returns: %TRUE if the dialog is to be shown before the import runs
 */
gboolean
amends_import_dialog_is_needed (AmendsCsvImport *import)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (import), FALSE);

  if (amends_csv_import_get_format (import) == AMENDS_CSV_FORMAT_UNKNOWN ||
      amends_csv_import_needs_date_order (import) ||
      amends_csv_import_needs_confirmation (import))
    return TRUE;

  /* A store that cannot be read now fails the import itself, and says so. */
  return amends_csv_import_count_existing (import, -1, &error) > 0;
}

/**
 * amends_import_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @import: a file that was read, whose columns are to be chosen, or that
 *   leaves something else to ask (see amends_import_dialog_is_needed())
 *
 * Returns: (transfer none): a new dialog, modal for @parent; the caller
 *   presents it and runs @import on #AmendsImportDialog::mapped
 */
AmendsImportDialog *
amends_import_dialog_new (GtkWindow       *parent,
                          AmendsCsvImport *import)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (import), NULL);
  g_return_val_if_fail (amends_csv_import_get_headers (import) != NULL, NULL);

  return g_object_new (AMENDS_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "import", import,
                       NULL);
}

AmendsCsvImport *
amends_import_dialog_get_import (AmendsImportDialog *self)
{
  g_return_val_if_fail (AMENDS_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}
