/* amends-csv-formats.c: the files Amends knows, and a row's cells as our fields
 *
 * A file's format is found from its header row: our own export, whose
 * columns are our fields; an osTicket ticket export; a CFPB complaints
 * download; or anything else, whose columns are mapped to our fields by
 * hand (amends-csv-mapping.c).  osTicket's and the bureau's words are
 * translated to ours here, a row at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-formats"

#include "config.h"

#include "amends-csv-formats.h"

#include <string.h>
#include <glib/gi18n.h>

const char *
amends_csv_format_to_label (AmendsCsvFormat format)
{
  switch (format)
    {
    case AMENDS_CSV_FORMAT_AMENDS:   return _("Amends export");
    case AMENDS_CSV_FORMAT_OSTICKET: return _("osTicket tickets");
    case AMENDS_CSV_FORMAT_CFPB:     return _("CFPB consumer complaints");
    case AMENDS_CSV_FORMAT_CUSTOM:   return _("Columns chosen by hand");
    case AMENDS_CSV_FORMAT_UNKNOWN:
    default:                         return _("Unknown columns");
    }
}

static int
find_column (const char * const *headers,
             const char         *name)
{
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    if (g_ascii_strcasecmp (headers[i], name) == 0)
      return i;
  return -1;
}

static gboolean
is_amends_header (const char * const *headers)
{
  /* "attachments", the export's last column, names files beside the
   * file: not a field of the case, and not read back. */
  for (guint i = 0; headers[i] != NULL; i++)
    if (amends_csv_field_index (headers[i]) < 0 && g_ascii_strcasecmp (headers[i], "attachments") != 0)
      return FALSE;
  return find_column (headers, "summary") >= 0;
}

AmendsCsvFormat
amends_csv_detect_format (const char * const *headers)
{
  if (is_amends_header (headers))
    return AMENDS_CSV_FORMAT_AMENDS;
  if (find_column (headers, "Ticket Number") >= 0 && find_column (headers, "Subject") >= 0)
    return AMENDS_CSV_FORMAT_OSTICKET;
  if (find_column (headers, "Complaint ID") >= 0 && find_column (headers, "Date received") >= 0 &&
      find_column (headers, "Issue") >= 0)
    return AMENDS_CSV_FORMAT_CFPB;
  return AMENDS_CSV_FORMAT_UNKNOWN;
}

static const char *
cell (const char * const *headers,
      AmendsCsvRow       *row,
      const char         *column)
{
  int i = find_column (headers, column);

  return i >= 0 ? row->fields[i] : NULL;
}

static gboolean
translate (const char         *text,
           const char * const *from,
           const char * const *to,
           const char        **result)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  *result = NULL;
  if (*stripped == '\0')
    return TRUE;

  for (guint i = 0; from[i] != NULL; i++)
    if (g_ascii_strcasecmp (stripped, from[i]) == 0)
      {
        *result = to[i];
        return TRUE;
      }

  return FALSE;
}

/* Appends a line about @value, unless it is empty. */
static void G_GNUC_PRINTF (3, 4)
append_line (GString    *text,
             const char *value,
             const char *format,
             ...)
{
  va_list args;

  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

static gboolean
osticket_values (const char * const *h,
                 AmendsCsvRow       *row,
                 AmendsCsvRowValues *values,
                 GPtrArray          *problems)
{
  static const char * const priorities[] = { "Low", "Normal", "High", "Emergency", NULL };
  static const char * const severities[] = { "minor", "moderate", "major", "colossal", NULL };
  static const char * const states[] = { "Open", "Resolved", "Closed", "Archived", NULL };
  static const char * const statuses[] = { "open", "recovered", "closed", "closed", NULL };
  static const char * const sources[] = { "Web", "Email", "Phone", "API", "Other", "Walk-in", NULL };
  static const char * const channels[] = { "email", "email", "phone", "email", "in-person", "in-person", NULL };
  g_autoptr(GString) description = g_string_new (NULL);
  const char *severity, *status, *channel;
  const char *closed = cell (h, row, "Closed Date");
  gboolean ok = TRUE;

  amends_csv_row_values_set (values, "summary", "Subject", cell (h, row, "Subject"));
  amends_csv_row_values_set (values, "customer", "From", cell (h, row, "From"));
  amends_csv_row_values_set (values, "customer_email", "From Email", cell (h, row, "From Email"));
  amends_csv_row_values_set (values, "customer_phone", "Phone Number", cell (h, row, "Phone Number"));
  amends_csv_row_values_set (values, "team", "Department", cell (h, row, "Department"));
  amends_csv_row_values_set (values, "category", "Help Topic", cell (h, row, "Help Topic"));
  amends_csv_row_values_set (values, "occurred_at", "Date Created", cell (h, row, "Date Created"));
  amends_csv_row_values_set (values, "logged_at", "Date Created", cell (h, row, "Date Created"));
  amends_csv_row_values_set (values, "recovery_due_at", "Due Date", cell (h, row, "Due Date"));
  amends_csv_row_values_set (values, "owner", "Agent Assigned", cell (h, row, "Agent Assigned"));
  amends_csv_row_values_set (values, "noticed_by", "From", "customer");

  if (!translate (cell (h, row, "Priority"), priorities, severities, &severity))
    {
      amends_csv_add_problem (problems, row->line, _("the priority “%s” is not one Amends knows (%s)."),
                              cell (h, row, "Priority"), "Low, Normal, High, Emergency");
      ok = FALSE;
    }
  amends_csv_row_values_set (values, "severity", "Priority", severity);

  if (!translate (cell (h, row, "Current Status"), states, statuses, &status))
    {
      amends_csv_add_problem (problems, row->line, _("the status “%s” is not one Amends knows (%s)."),
                              cell (h, row, "Current Status"), "Open, Resolved, Closed, Archived");
      ok = FALSE;
    }
  amends_csv_row_values_set (values, "status", "Current Status", status);

  /* An unknown source is no reason to refuse the ticket. */
  if (translate (cell (h, row, "Source"), sources, channels, &channel) && channel != NULL)
    amends_csv_row_values_set (values, "channel", "Source", channel);

  if (g_strcmp0 (status, "closed") == 0 || g_strcmp0 (status, "recovered") == 0)
    {
      const char *recovered = (closed && *closed) ? closed : cell (h, row, "Last Updated");

      amends_csv_row_values_set (values, "recovered_at", "Closed Date", recovered);
      if (g_strcmp0 (status, "closed") == 0)
        amends_csv_row_values_set (values, "closed_at", "Closed Date", recovered);
    }

  /* Translators: a note in an imported case; %s is the osTicket number */
  append_line (description, cell (h, row, "Ticket Number"),
               _("osTicket ticket %s"), cell (h, row, "Ticket Number"));
  append_line (description, cell (h, row, "Team Assigned"),
               _("Team assigned: %s"), cell (h, row, "Team Assigned"));
  amends_csv_row_values_set (values, "description", "Ticket Number", description->str);

  return ok;
}

static gboolean
cfpb_values (const char * const *h,
             AmendsCsvRow       *row,
             AmendsCsvRowValues *values,
             GPtrArray          *problems)
{
  static const char * const vias[] = { "Web", "Phone", "Email", "Referral", "Postal mail", "Fax", "Web Referral", NULL };
  static const char * const channels[] = { "email", "phone", "email", "in-person", "email", "email", "email", NULL };
  g_autoptr(GString) description = g_string_new (NULL);
  const char *response = cell (h, row, "Company response to consumer");
  const char *sent = cell (h, row, "Date sent to company");
  const char *channel;
  gboolean ok = TRUE;

  amends_csv_row_values_set (values, "summary", "Issue", cell (h, row, "Issue"));
  amends_csv_row_values_set (values, "category", "Product", cell (h, row, "Product"));
  amends_csv_row_values_set (values, "occurred_at", "Date received", cell (h, row, "Date received"));
  /* The company learned of it when the bureau sent it on. */
  amends_csv_row_values_set (values, "logged_at", "Date sent to company",
                             (sent && *sent) ? sent : cell (h, row, "Date received"));
  amends_csv_row_values_set (values, "noticed_by", "Submitted via", "customer");

  if (!translate (cell (h, row, "Submitted via"), vias, channels, &channel))
    {
      amends_csv_add_problem (problems, row->line, _("“%s” in Submitted via is not a way Amends knows (%s)."),
                              cell (h, row, "Submitted via"), "Web, Phone, Email, Referral, Postal mail, Fax");
      ok = FALSE;
    }
  amends_csv_row_values_set (values, "channel", "Submitted via", channel);

  if (response == NULL || *response == '\0' ||
      g_ascii_strcasecmp (response, "In progress") == 0 ||
      g_ascii_strcasecmp (response, "Untimely response") == 0)
    amends_csv_row_values_set (values, "status", "Company response to consumer", "open");
  else if (g_ascii_strncasecmp (response, "Closed", strlen ("Closed")) == 0)
    amends_csv_row_values_set (values, "status", "Company response to consumer", "closed");
  else
    {
      amends_csv_add_problem (problems, row->line, _("the status “%s” is not one Amends knows (%s)."),
                              response, "Closed …, In progress, Untimely response");
      ok = FALSE;
    }

  if (g_strcmp0 (cell (h, row, "Consumer disputed?"), "Yes") == 0)
    amends_csv_row_values_set (values, "reaction", "Consumer disputed?", "still-unhappy");

  append_line (description, cell (h, row, "Consumer complaint narrative"),
               "%s", cell (h, row, "Consumer complaint narrative"));
  if (description->len > 0)
    g_string_append_c (description, '\n');
  /* Translators: notes in an imported case; %s is the bureau's number */
  append_line (description, cell (h, row, "Complaint ID"),
               _("CFPB complaint %s"), cell (h, row, "Complaint ID"));
  append_line (description, cell (h, row, "Sub-product"),
               _("Sub-product: %s"), cell (h, row, "Sub-product"));
  append_line (description, cell (h, row, "Sub-issue"),
               _("Sub-issue: %s"), cell (h, row, "Sub-issue"));
  append_line (description, response, _("Company response: %s"), response);
  append_line (description, cell (h, row, "Tags"),
               _("Tags: %s"), cell (h, row, "Tags"));
  amends_csv_row_values_set (values, "description", "Consumer complaint narrative", description->str);

  return ok;
}

/* The field each column fills, by its index in amends_csv_case_columns(),
 * or -1: found once a file, not for each row. */
int *
amends_csv_map_columns (const char * const *headers,
                        GHashTable         *mapping)
{
  guint n = headers ? g_strv_length ((char **) headers) : 0;
  int *columns = g_new (int, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *field = mapping ? g_hash_table_lookup (mapping, headers[i]) : NULL;

      columns[i] = field ? amends_csv_field_index (field) : -1;
    }
  columns[n] = -1;

  return columns;
}

static gboolean
mapped_values (const char * const *headers,
               const int          *columns,
               AmendsCsvRow       *row,
               AmendsCsvRowValues *values)
{
  /* The row's text is kept as it is: no copy. */
  for (guint i = 0; headers[i] != NULL; i++)
    if (columns[i] >= 0)
      {
        g_clear_pointer (&values->owned[columns[i]], g_free);
        values->text[columns[i]] = row->fields[i];
        values->column[columns[i]] = headers[i];
      }
  return TRUE;
}

/**
 * amends_csv_format_read_row:
 * @columns: the field each column fills, from amends_csv_map_columns()
 *
 * Sets the text of each of our fields in @values from @row, as @format
 * reads it.
 *
 * Returns: %FALSE with the row's problems added to @problems
 */
gboolean
amends_csv_format_read_row (AmendsCsvFormat     format,
                            const char * const *headers,
                            const int          *columns,
                            AmendsCsvRow       *row,
                            AmendsCsvRowValues *values,
                            GPtrArray          *problems)
{
  switch (format)
    {
    case AMENDS_CSV_FORMAT_OSTICKET:
      return osticket_values (headers, row, values, problems);
    case AMENDS_CSV_FORMAT_CFPB:
      return cfpb_values (headers, row, values, problems);
    case AMENDS_CSV_FORMAT_AMENDS:
    case AMENDS_CSV_FORMAT_CUSTOM:
    case AMENDS_CSV_FORMAT_UNKNOWN:
    default:
      return mapped_values (headers, columns, row, values);
    }
}
