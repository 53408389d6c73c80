/* amends-csv-import.c: cases from a CSV file, all or nothing
 *
 * Reading parses the whole file with libcsv and finds its format from the
 * header row: our own export, an osTicket ticket export, a CFPB complaints
 * download, or anything else through a mapping of columns to our fields
 * that is remembered for the next file with the same header.
 *
 * Every row is first turned into a case without touching the store (in a
 * worker thread when asynchronous), collecting every problem with its line;
 * only a file without problems is inserted, inside one transaction on the
 * store's own connection (on the main thread, a chunk at a time), so that
 * an error or a cancel leaves nothing half-imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-import"

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <float.h>
#include <glib/gi18n.h>

#include "amends-csv-import.h"
#include "amends-csv-export.h"
#include "amends-enum-types.h"
#include "amends-money.h"
#include "amends-store-import.h"
#include "amends-store-private.h"

/* Rows inserted between two trips to the main loop: one batch of the
 * store's bulk insert (amends-store-import.c), a few milliseconds. */
#define CHUNK_SIZE 256

/* Bytes read from the file at a time. */
#define READ_SIZE (64 * 1024)

/* libcsv's parser states (libcsv.c), read to know where a record starts. */
#define CSV_STATE_ROW_NOT_BEGUN 0
#define CSV_STATE_FIELD_BEGUN   2

/* One allocation a row, its fields' text after the array of them: a file
 * of 100,000 rows by 31 columns is not three million small blocks. */
typedef struct
{
  guint  line;     /* the physical line where the record starts, from 1 */
  GStrv  fields;   /* in the same block: never freed on its own */
} CsvRow;

/* A row turned into a case, not yet in the store. */
typedef struct
{
  guint       line;
  guint64     fields;   /* bit i: field i of amends_csv_case_columns() came from the file */
  AmendsCase *kase;
  char       *customer;
  char       *customer_phone;
  char       *customer_email;
  char       *owner;
  char       *customer_key;   /* the names as looked up (name_key()) */
  char       *owner_key;
} Draft;

struct _AmendsCsvImport
{
  GObject          parent_instance;

  AmendsStore     *store;
  char            *config_dir;

  char             delimiter;
  AmendsCsvFormat  format;
  GStrv            headers;
  GPtrArray       *rows;       /* CsvRow, the header row excluded */
  GPtrArray       *read_problems;
  GHashTable      *mapping;    /* column → field, for the unknown formats */

  /* The day/month dates of the file (see detect_date_order()) */
  guint            day_first_line;     /* the first that must be day first */
  char            *day_first_text;
  guint            month_first_line;   /* the first that must be month first */
  char            *month_first_text;
  guint            ambiguous_line;     /* the first that could be either */
  char            *ambiguous_text;
  AmendsCsvDateOrder date_order;       /* as the person said */

  gboolean         confirmed_large;
  AmendsCsvExisting existing;

  GPtrArray       *problems;
  gboolean         validated;  /* and no problems: the rows may be saved */
  char            *file_name;  /* for the audit log, when read from a file */

  /* While inserting */
  GHashTable      *staff;      /* casefolded name → id */
  GHashTable      *customers;  /* casefolded name → id */
  GHashTable      *inserted;   /* references this import gave cases */
  AmendsStoreBulk *bulk;       /* the new cases, a batch at a time */
  GTimeZone       *zone;
  gboolean         had_cases;  /* the database had cases when it began */
  gboolean         had_customers;
  guint            next_row;
  double           fraction;
  guint            n_imported;
  guint            n_updated;
  guint            n_skipped;
  gboolean         running;
};

G_DEFINE_FINAL_TYPE (AmendsCsvImport, amends_csv_import, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (AmendsCsvDateOrder, amends_csv_date_order,
  G_DEFINE_ENUM_VALUE (AMENDS_CSV_DATE_ORDER_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (AMENDS_CSV_DATE_ORDER_DAY_FIRST, "day-first"),
  G_DEFINE_ENUM_VALUE (AMENDS_CSV_DATE_ORDER_MONTH_FIRST, "month-first"))

G_DEFINE_ENUM_TYPE (AmendsCsvExisting, amends_csv_existing,
  G_DEFINE_ENUM_VALUE (AMENDS_CSV_EXISTING_SKIP, "skip"),
  G_DEFINE_ENUM_VALUE (AMENDS_CSV_EXISTING_UPDATE, "update"))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FRACTION,
  PROP_CONFIRMED_LARGE,
  PROP_DATE_ORDER,
  PROP_EXISTING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_QUARK (amends-csv-error-quark, amends_csv_error)

static CsvRow *
csv_row_new (guint         line,
             const GString *text,
             const GArray  *starts)
{
  guint n = starts->len;
  CsvRow *row = g_malloc (sizeof (CsvRow) + (n + 1) * sizeof (char *) + text->len);
  char **fields = (char **) (row + 1);
  char *bytes = (char *) (fields + n + 1);

  memcpy (bytes, text->str, text->len);
  for (guint i = 0; i < n; i++)
    fields[i] = bytes + g_array_index (starts, gsize, i);
  fields[n] = NULL;

  row->line = line;
  row->fields = fields;
  return row;
}

static void
draft_free (Draft *draft)
{
  g_clear_object (&draft->kase);
  g_free (draft->customer);
  g_free (draft->customer_phone);
  g_free (draft->customer_email);
  g_free (draft->owner);
  g_free (draft->customer_key);
  g_free (draft->owner_key);
  g_free (draft);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Draft, draft_free)

/* A customer's or member of staff's name as it is looked up: "ana lima"
 * finds "Ana Lima ". */
static char *
name_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  return g_utf8_casefold (stripped, -1);
}


static void G_GNUC_PRINTF (3, 4)
add_problem (GPtrArray  *problems,
             guint       line,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line == 0)
    g_ptr_array_add (problems, g_steal_pointer (&message));
  else
    /* Translators: a problem in an imported file: "Line 7: the summary is empty." */
    g_ptr_array_add (problems, g_strdup_printf (_("Line %u: %s"), line, message));
}

/* Parsing
 *
 * The file is read a block at a time and fed to libcsv a line at a time,
 * so that each record knows the line it starts on, and so that a file
 * that is not text (a NUL byte) or holds a field too long to be a case's
 * is refused as soon as it shows it, never loaded whole. */

typedef struct
{
  GPtrArray *rows;
  gboolean   in_record;     /* a field of the current record was read */
  GString   *text;          /* its fields so far, each ending in NUL */
  GArray    *starts;        /* gsize, where each of them starts in text */
  guint      line;          /* the line being fed to the parser */
  guint      record_line;   /* where the next record may start */
  guint      row_line;      /* where the current record started */
  guint      field_line;    /* where the current field started */
  guint      long_line;     /* where a field too long started, or 0 */
  guint      long_column;   /* which field of its record it is, from 1 */
} ParseState;

static void
on_csv_field (void   *data,
              size_t  len,
              void   *user_data)
{
  ParseState *state = user_data;
  const char *text = data ? data : "";

  if (!state->in_record)
    {
      state->in_record = TRUE;
      g_string_truncate (state->text, 0);
      g_array_set_size (state->starts, 0);
      state->row_line = state->record_line;
    }

  if (len > AMENDS_CSV_MAX_FIELD_SIZE && state->long_line == 0)
    {
      state->long_line = state->field_line;
      state->long_column = state->starts->len + 1;
    }
  if (state->long_line != 0)
    len = 0;

  /* What our export neutralised against spreadsheets' formulas comes back
   * as it was (see amends_csv_neutralise_formula()). */
  if (len > 0 && text[0] == '\'' && amends_csv_unneutralise_formula (text) != text)
    text++, len--;

  g_array_append_val (state->starts, state->text->len);
  g_string_append_len (state->text, text, len);
  g_string_append_c (state->text, '\0');
  state->field_line = state->line;
}

static void
on_csv_row (int   terminator,
            void *user_data)
{
  ParseState *state = user_data;

  if (!state->in_record)
    on_csv_field (NULL, 0, state);

  g_ptr_array_add (state->rows, csv_row_new (state->row_line, state->text, state->starts));
  state->in_record = FALSE;
  state->field_line = state->line;
}

/* The delimiter is the commonest of ',' ';' and tab outside quotes in the
 * header line: spreadsheets in many European languages write ';'. */
static char
detect_delimiter (const char *data,
                  gsize       len)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len && (quoted || (data[i] != '\n' && data[i] != '\r')); i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == ',')
        commas++;
      else if (!quoted && data[i] == ';')
        semicolons++;
      else if (!quoted && data[i] == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

/* Characters, not bytes, as a text editor counts a column. */
static guint
count_chars (const char *data,
             gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    if (((guchar) data[i] & 0xC0) != 0x80)
      n++;
  return n;
}

static const char *
header_name (GPtrArray *rows,
             guint      column)
{
  CsvRow *header = rows->len > 0 ? rows->pdata[0] : NULL;

  if (header == NULL || column == 0 || column > g_strv_length (header->fields))
    return NULL;
  return header->fields[column - 1];
}

static void
set_too_long_error (GError    **error,
                    GPtrArray  *rows,
                    guint       line,
                    guint       column)
{
  const char *name = header_name (rows, column);

  if (name != NULL && *name != '\0' && g_utf8_validate (name, -1, NULL))
    g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_FIELD_TOO_LONG,
                 /* Translators: "Line 12, column 3 (description): …" */
                 _("Line %u, column %u (%s): the field is longer than 1 MB; "
                   "Amends takes at most 1 MB of text a field."),
                 line, column, name);
  else
    g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_FIELD_TOO_LONG,
                 _("Line %u, column %u: the field is longer than 1 MB; "
                   "Amends takes at most 1 MB of text a field."),
                 line, column);
}

typedef struct
{
  struct csv_parser  parser;
  ParseState         state;
  char               delimiter;
  gboolean           started;       /* the delimiter is chosen */
  gboolean           at_line_start;
  guint              line_chars;    /* characters of the line fed so far */
  guint              quote_line;    /* where an open quoted field started */
  gboolean           has_text;      /* anything but white space */
} Reader;

static void
reader_init (Reader    *reader,
             GPtrArray *rows)
{
  memset (reader, 0, sizeof *reader);
  if (csv_init (&reader->parser, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
    g_error ("Out of memory");
  /* Grow a field's buffer in steps that a 1 MB field needs few of. */
  csv_set_blk_size (&reader->parser, 16 * 1024);
  reader->state.rows = rows;
  reader->state.text = g_string_new (NULL);
  reader->state.starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->state.line = reader->state.record_line = reader->state.row_line = 1;
  reader->state.field_line = 1;
  reader->at_line_start = TRUE;
  reader->quote_line = 1;
  reader->delimiter = ',';
}

static void
reader_clear (Reader *reader)
{
  g_string_free (reader->state.text, TRUE);
  g_array_unref (reader->state.starts);
  csv_free (&reader->parser);
}

/* Feeds a piece of one line (ending in '\n', or not yet). */
static gboolean
reader_feed_piece (Reader      *reader,
                   const char  *data,
                   gsize        len,
                   GError     **error)
{
  ParseState *state = &reader->state;
  struct csv_parser *parser = &reader->parser;
  const char *nul = memchr (data, '\0', len);

  if (nul != NULL)
    {
      g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_NOT_TEXT,
                   _("Line %u, column %u: the file contains a NUL byte, which no text holds. "
                     "It may be a spreadsheet’s own file, or text saved as UTF-16: "
                     "save it as CSV in UTF-8 and try again."),
                   state->line, reader->line_chars + count_chars (data, nul - data) + 1);
      return FALSE;
    }

  for (gsize i = 0; i < len && !reader->has_text; i++)
    if (!g_ascii_isspace (data[i]))
      reader->has_text = TRUE;

  if (reader->at_line_start)
    {
      if (parser->pstate == CSV_STATE_ROW_NOT_BEGUN && !state->in_record)
        state->record_line = state->field_line = state->line;
      if (!(parser->pstate == CSV_STATE_FIELD_BEGUN && parser->quoted))
        reader->quote_line = state->line;
    }

  if (csv_parse (parser, data, len, on_csv_field, on_csv_row, state) != len)
    {
      if (csv_error (parser) == CSV_EPARSE)
        g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_PARSE,
                     _("Line %u: a quotation mark is in the wrong place; "
                       "a field with quotation marks must be quoted as a whole."),
                     state->line);
      else
        g_set_error_literal (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_PARSE,
                             csv_strerror (csv_error (parser)));
      return FALSE;
    }

  /* A field still open that is already too long: stop here rather than
   * read the rest of it. */
  if (state->long_line == 0 && parser->entry_pos > AMENDS_CSV_MAX_FIELD_SIZE)
    {
      state->long_line = !state->in_record ? state->record_line : state->field_line;
      state->long_column = !state->in_record ? 1 : state->starts->len + 1;
    }
  if (state->long_line != 0)
    {
      set_too_long_error (error, state->rows, state->long_line, state->long_column);
      return FALSE;
    }

  if (len > 0 && data[len - 1] == '\n')
    {
      state->line++;
      reader->at_line_start = TRUE;
      reader->line_chars = 0;
    }
  else
    {
      reader->at_line_start = FALSE;
      reader->line_chars += count_chars (data, len);
    }

  return TRUE;
}

static gboolean
reader_feed (Reader      *reader,
             const char  *data,
             gsize        len,
             GError     **error)
{
  if (!reader->started)
    {
      if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        data += 3, len -= 3;
      /* From the first block: a header line longer than that is counted
       * as far as it goes. */
      reader->delimiter = detect_delimiter (data, len);
      csv_set_delim (&reader->parser, (unsigned char) reader->delimiter);
      reader->started = TRUE;
    }

  while (len > 0)
    {
      const char *nl = memchr (data, '\n', len);
      gsize piece = nl ? (gsize) (nl - data) + 1 : len;

      if (!reader_feed_piece (reader, data, piece, error))
        return FALSE;
      data += piece;
      len -= piece;
    }

  return TRUE;
}

static gboolean
reader_finish (Reader  *reader,
               GError **error)
{
  if (csv_fini (&reader->parser, on_csv_field, on_csv_row, &reader->state) != 0)
    {
      g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_PARSE,
                   _("Line %u: a quoted field is not closed."), reader->quote_line);
      return FALSE;
    }
  if (reader->state.long_line != 0)
    {
      set_too_long_error (error, reader->state.rows,
                          reader->state.long_line, reader->state.long_column);
      return FALSE;
    }
  return TRUE;
}

/* Reads @in into @rows, a block at a time. */
static gboolean
parse_stream (GInputStream  *in,
              GPtrArray     *rows,
              char          *delimiter,
              gboolean      *has_text,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *block = g_malloc (READ_SIZE);
  Reader reader;
  gboolean ok = TRUE;

  reader_init (&reader, rows);

  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (in, block, READ_SIZE, &n, cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (n > 0 && !reader_feed (&reader, block, n, error))
        {
          ok = FALSE;
          break;
        }
      if (n < READ_SIZE)
        break;
    }

  if (ok && reader.has_text)
    ok = reader_finish (&reader, error);

  *delimiter = reader.delimiter;
  *has_text = reader.has_text;
  reader_clear (&reader);
  return ok;
}

/* Formats */

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

static int
field_index (const char *field)
{
  const char * const *fields = amends_csv_case_columns ();

  for (guint i = 0; fields[i] != NULL; i++)
    if (g_str_equal (fields[i], field))
      return i;
  return -1;
}

static gboolean
is_amends_header (const char * const *headers)
{
  for (guint i = 0; headers[i] != NULL; i++)
    if (field_index (headers[i]) < 0)
      return FALSE;
  return find_column (headers, "summary") >= 0;
}

static AmendsCsvFormat
detect_format (const char * const *headers)
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

/* Mappings, remembered by the header row they were made for */

static char *
mapping_group (const char * const *headers)
{
  g_autofree char *joined = g_strjoinv ("\x1f", (char **) headers);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, joined, -1);

  return g_strconcat ("mapping ", sum, NULL);
}

static char *
mappings_path (AmendsCsvImport *self)
{
  if (self->config_dir != NULL)
    return g_build_filename (self->config_dir, "mappings.ini", NULL);
  return g_build_filename (g_get_user_config_dir (), "amends", "mappings.ini", NULL);
}

static GHashTable *
load_mapping (AmendsCsvImport *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = mappings_path (self);
  g_autofree char *group = mapping_group ((const char * const *) self->headers);
  g_auto(GStrv) columns = NULL;
  g_auto(GStrv) fields = NULL;
  GHashTable *mapping;

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    return NULL;

  columns = g_key_file_get_string_list (keys, group, "columns", NULL, NULL);
  fields = g_key_file_get_string_list (keys, group, "fields", NULL, NULL);
  if (columns == NULL || fields == NULL ||
      !g_strv_equal ((const char * const *) columns, (const char * const *) self->headers) ||
      g_strv_length (fields) != g_strv_length (columns))
    return NULL;

  mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; columns[i] != NULL; i++)
    if (*fields[i] != '\0' && field_index (fields[i]) >= 0)
      g_hash_table_insert (mapping, g_strdup (columns[i]), g_strdup (fields[i]));

  return mapping;
}

/* Values */

/* Dates as other programs write them, besides ISO 8601: 2026-11-18,
 * 2026/11/18, 18.11.2026 (dots are only ever day first), and 18/11/2026
 * or 11/18/2026, which only the file as a whole can tell apart; each
 * with an optional time, "14:05", "14:05:30" or "2:05 PM". */
typedef struct
{
  int      first, second, third;    /* as written */
  gboolean year_first;
  gboolean day_first;
  gboolean needs_order;             /* 01/02/2026: day or month first? */
  int      hour, minute;
  double   seconds;
} DateText;

/* 1 to @max_digits digits, and no more. */
static gboolean
scan_number (const char **p,
             guint        max_digits,
             int         *value,
             guint       *n_digits)
{
  guint n = 0;
  int v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n == 0 || g_ascii_isdigit (**p))
    return FALSE;

  *value = v;
  if (n_digits != NULL)
    *n_digits = n;
  return TRUE;
}

static gboolean
scan_clock (const char *p,
            DateText   *date)
{
  while (*p == ' ' || *p == 'T')
    p++;
  if (*p == '\0')
    return TRUE;

  if (!scan_number (&p, 2, &date->hour, NULL) || *p++ != ':' ||
      !scan_number (&p, 2, &date->minute, NULL))
    return FALSE;

  if (*p == ':')
    {
      int whole = 0;

      p++;
      if (!scan_number (&p, 2, &whole, NULL))
        return FALSE;
      date->seconds = whole;
      if (*p == '.' || *p == ',')
        {
          double scale = 0.1;

          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          for (; g_ascii_isdigit (*p); p++, scale /= 10)
            date->seconds += (*p - '0') * scale;
        }
    }

  while (*p == ' ')
    p++;
  if (g_ascii_strcasecmp (p, "PM") == 0 && date->hour >= 1 && date->hour <= 12)
    date->hour = date->hour % 12 + 12;
  else if (g_ascii_strcasecmp (p, "AM") == 0 && date->hour >= 1 && date->hour <= 12)
    date->hour = date->hour % 12;
  else if (*p != '\0')
    return FALSE;

  return TRUE;
}

static gboolean
scan_date_text (const char *text,
                DateText   *date)
{
  const char *p = text;
  guint first_digits = 0, third_digits = 0;
  char sep;

  memset (date, 0, sizeof *date);

  if (!scan_number (&p, 4, &date->first, &first_digits))
    return FALSE;
  sep = *p++;
  if (sep != '-' && sep != '/' && sep != '.')
    return FALSE;
  if (!scan_number (&p, 2, &date->second, NULL) || *p++ != sep ||
      !scan_number (&p, 4, &date->third, &third_digits))
    return FALSE;

  if (first_digits > 2)
    date->year_first = TRUE;
  else if (sep == '.')
    date->day_first = TRUE;
  else if (sep == '-' && third_digits < 3)
    date->year_first = TRUE;      /* 26-11-18, as it always was read */
  else
    date->needs_order = TRUE;

  return scan_clock (p, date);
}

static GDateTime *
date_text_to_time (const DateText     *date,
                   AmendsCsvDateOrder  order,
                   GTimeZone          *zone)
{
  int year, month, day;

  if (date->year_first)
    year = date->first, month = date->second, day = date->third;
  else if (date->day_first || order == AMENDS_CSV_DATE_ORDER_DAY_FIRST)
    day = date->first, month = date->second, year = date->third;
  else if (order == AMENDS_CSV_DATE_ORDER_MONTH_FIRST)
    month = date->first, day = date->second, year = date->third;
  else
    return NULL;

  if (year < 100)
    year += 2000;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy (day, month, year) ||
      date->hour < 0 || date->hour > 23 || date->minute < 0 || date->minute > 59 ||
      date->seconds < 0 || date->seconds >= 60)
    return NULL;

  return g_date_time_new (zone, year, month, day, date->hour, date->minute, date->seconds);
}

static GDateTime *
parse_time (const char         *text,
            AmendsCsvDateOrder  order,
            GTimeZone          *zone)
{
  g_autofree char *iso = g_strdup (text);
  GDateTime *time;
  DateText date;

  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  if ((time = g_date_time_new_from_iso8601 (iso, zone)) != NULL)
    return time;

  if (!scan_date_text (text, &date))
    return NULL;

  return date_text_to_time (&date, order, zone);
}

/* The order of the file's day/month dates, from all of its cells (the
 * columns' fields may not be chosen yet): a first number over 12 can
 * only be a day, a second one over 12 only a day too. */
static void
detect_date_order (AmendsCsvImport *self)
{
  for (guint r = 0; r < self->rows->len; r++)
    {
      CsvRow *row = self->rows->pdata[r];

      for (guint c = 0; row->fields[c] != NULL; c++)
        {
          const char *text = row->fields[c];
          DateText date;

          while (g_ascii_isspace (*text))
            text++;
          if (!g_ascii_isdigit (*text) || !scan_date_text (text, &date) || !date.needs_order ||
              date.first < 1 || date.second < 1 || date.first > 31 || date.second > 31)
            continue;

          if (date.first > 12 && date.second <= 12)
            {
              if (self->day_first_line == 0)
                {
                  self->day_first_line = row->line;
                  self->day_first_text = g_strchomp (g_strdup (text));
                }
            }
          else if (date.second > 12 && date.first <= 12)
            {
              if (self->month_first_line == 0)
                {
                  self->month_first_line = row->line;
                  self->month_first_text = g_strchomp (g_strdup (text));
                }
            }
          else if (date.first <= 12 && date.second <= 12 && self->ambiguous_line == 0)
            {
              self->ambiguous_line = row->line;
              self->ambiguous_text = g_strchomp (g_strdup (text));
            }
        }
    }
}

/* The order the file's day/month dates are read in: the person's choice,
 * else what the file shows, else what the format always writes. */
static AmendsCsvDateOrder
effective_date_order (AmendsCsvImport *self)
{
  if (self->date_order != AMENDS_CSV_DATE_ORDER_UNKNOWN)
    return self->date_order;
  if (self->day_first_line != 0 && self->month_first_line == 0)
    return AMENDS_CSV_DATE_ORDER_DAY_FIRST;
  if (self->month_first_line != 0 && self->day_first_line == 0)
    return AMENDS_CSV_DATE_ORDER_MONTH_FIRST;
  /* The bureau writes its dates month first, always. */
  if (self->format == AMENDS_CSV_FORMAT_CFPB)
    return AMENDS_CSV_DATE_ORDER_MONTH_FIRST;
  return AMENDS_CSV_DATE_ORDER_UNKNOWN;
}

/* "In recovery", "in_recovery" and "in-recovery" all name the same nick. */
static char *
normalize_nick (const char *text)
{
  g_autofree char *down = g_ascii_strdown (text, -1);

  g_strstrip (down);
  return g_strdelimit (g_steal_pointer (&down), " _", '-');
}

static char *
list_nicks (GEnumClass *klass)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (text, "%s%s", i ? ", " : "", klass->values[i].value_nick);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "status"))     return _("status");
  if (g_str_equal (field, "severity"))   return _("severity");
  if (g_str_equal (field, "channel"))    return _("channel");
  if (g_str_equal (field, "noticed_by")) return _("who noticed");
  if (g_str_equal (field, "reaction"))   return _("reaction");
  if (g_str_equal (field, "came_back"))  return _("came back");
  return field;
}

/* The text of each of our fields in one row, with the column it came from
 * (for the problems' words). */
typedef struct
{
  const char *text[64];    /* the row's own, or one of owned */
  char       *owned[64];
  const char *column[64];
} RowValues;

static void
row_values_clear (RowValues *values)
{
  for (guint i = 0; i < G_N_ELEMENTS (values->owned); i++)
    g_clear_pointer (&values->owned[i], g_free);
}

static void
row_values_set (RowValues  *values,
                const char *field,
                const char *column,
                const char *text)
{
  int i = field_index (field);

  g_assert (i >= 0);
  g_free (values->owned[i]);
  values->text[i] = values->owned[i] = g_strdup (text);
  values->column[i] = column;
}

static const char *
row_values_get (RowValues  *values,
                const char *field)
{
  return values->text[field_index (field)];
}

/* What each of our fields (amends_csv_case_columns()) is, found once:
 * comparing field names for every cell of 100,000 rows costs seconds. */
typedef enum
{
  FIELD_PROPERTY,          /* the case's property of the same name */
  FIELD_CUSTOMER,
  FIELD_CUSTOMER_PHONE,
  FIELD_CUSTOMER_EMAIL,
  FIELD_OWNER,
  FIELD_SURPRISE_COST,
  FIELD_REFERENCE,
} FieldKind;

typedef struct
{
  FieldKind   kind;
  GParamSpec *pspec;       /* of the case; NULL for the people */
} FieldInfo;

static const FieldInfo *
field_infos (void)
{
  static FieldInfo *infos = NULL;

  if (g_once_init_enter (&infos))
    {
      const char * const *fields = amends_csv_case_columns ();
      GObjectClass *klass = g_type_class_ref (AMENDS_TYPE_CASE);   /* kept for good */
      FieldInfo *found = g_new0 (FieldInfo, g_strv_length ((char **) fields));

      for (guint i = 0; fields[i] != NULL; i++)
        {
          g_autofree char *name = g_strdelimit (g_strdup (fields[i]), "_", '-');

          if (g_str_equal (fields[i], "customer"))
            found[i].kind = FIELD_CUSTOMER;
          else if (g_str_equal (fields[i], "customer_phone"))
            found[i].kind = FIELD_CUSTOMER_PHONE;
          else if (g_str_equal (fields[i], "customer_email"))
            found[i].kind = FIELD_CUSTOMER_EMAIL;
          else if (g_str_equal (fields[i], "owner"))
            found[i].kind = FIELD_OWNER;
          else if (g_str_equal (fields[i], "surprise_cost"))
            {
              found[i].kind = FIELD_SURPRISE_COST;
              found[i].pspec = g_object_class_find_property (klass, "surprise-cost-cents");
            }
          else
            {
              found[i].kind = g_str_equal (fields[i], "reference") ? FIELD_REFERENCE : FIELD_PROPERTY;
              found[i].pspec = g_object_class_find_property (klass, name);
            }
          g_assert (found[i].pspec != NULL || found[i].kind != FIELD_PROPERTY);
        }

      g_once_init_leave (&infos, found);
    }

  return infos;
}

static gboolean
is_blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

/* How a row's values are read: the same for every row of a file. */
typedef struct
{
  AmendsCsvDateOrder  date_order;
  GTimeZone          *zone;
} ValueContext;

static gboolean
set_case_value (AmendsCase         *kase,
                const char         *field,
                GParamSpec         *pspec,
                const char         *column,
                const char         *text,
                guint               line,
                const ValueContext *context,
                GPtrArray          *problems)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *stripped = NULL;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (is_blank (text))
    return TRUE;   /* the default */

  g_value_init (&value, type);
  stripped = g_strstrip (g_strdup (text));

  if (type == G_TYPE_STRING)
    {
      g_value_set_string (&value, text);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = parse_time (stripped, context->date_order, context->zone);

      if (time == NULL)
        {
          add_problem (problems, line, _("the date “%s” in %s is not a date."), stripped, column);
          return FALSE;
        }
      g_value_take_boxed (&value, time);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_autofree char *down = g_ascii_strdown (stripped, -1);

      if (g_strv_contains ((const char * const[]) { "yes", "y", "true", "1", NULL }, down))
        g_value_set_boolean (&value, TRUE);
      else if (g_strv_contains ((const char * const[]) { "no", "n", "false", "0", NULL }, down))
        g_value_set_boolean (&value, FALSE);
      else
        {
          add_problem (problems, line, _("“%s” in %s is neither yes nor no."), stripped, column);
          return FALSE;
        }
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 number = 0;

      if (!g_ascii_string_to_signed (stripped, 10, 0, G_MAXINT64, &number, NULL))
        {
          add_problem (problems, line, _("“%s” in %s is not a whole number."), stripped, column);
          return FALSE;
        }
      g_value_set_int64 (&value, number);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      g_autofree char *nick = normalize_nick (stripped);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, nick);

      if (ev == NULL)
        {
          g_autofree char *known = list_nicks (klass);
          /* Translators: "the status “done” is not one Amends knows (open, …)." */
          add_problem (problems, line, _("the %s “%s” is not one Amends knows (%s)."),
                       field_label (field), stripped, known);
          return FALSE;
        }
      g_value_set_enum (&value, ev->value);
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
      g_auto(GStrv) parts = g_strsplit_set (stripped, "|,;/", -1);
      guint flags = 0;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *nick = normalize_nick (parts[i]);
          GFlagsValue *fv;

          if (*nick == '\0')
            continue;
          if ((fv = g_flags_get_value_by_nick (klass, nick)) == NULL)
            {
              add_problem (problems, line, _("“%s” in %s is not one of reliability, assurance, "
                                             "tangibles, empathy and responsiveness."),
                           g_strstrip (parts[i]), column);
              return FALSE;
            }
          flags |= fv->value;
        }
      g_value_set_flags (&value, flags);
    }
  else
    g_assert_not_reached ();

  amends_record_set_value (AMENDS_RECORD (kase), pspec, &value);
  return TRUE;
}

static Draft *
draft_from_values (RowValues          *values,
                   guint               line,
                   const ValueContext *context,
                   GPtrArray          *problems)
{
  const char * const *fields = amends_csv_case_columns ();
  const FieldInfo *infos = field_infos ();
  g_autoptr(Draft) draft = g_new0 (Draft, 1);
  const char *summary = row_values_get (values, "summary");
  gboolean ok = TRUE;

  draft->line = line;
  draft->kase = amends_case_new ();

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *text = values->text[i];
      const char *column = values->column[i];

      if (text == NULL)
        continue;

      draft->fields |= G_GUINT64_CONSTANT (1) << i;
      switch (infos[i].kind)
        {
        case FIELD_CUSTOMER:
          draft->customer = g_strstrip (g_strdup (text));
          break;
        case FIELD_CUSTOMER_PHONE:
          draft->customer_phone = g_strstrip (g_strdup (text));
          break;
        case FIELD_CUSTOMER_EMAIL:
          draft->customer_email = g_strstrip (g_strdup (text));
          break;
        case FIELD_OWNER:
          draft->owner = g_strstrip (g_strdup (text));
          break;
        case FIELD_SURPRISE_COST:
          {
            g_autofree char *stripped = g_strstrip (g_strdup (text));
            g_auto(GValue) value = G_VALUE_INIT;
            gint64 cents = 0;

            if (!amends_money_parse (stripped, &cents, NULL))
              {
                add_problem (problems, line, _("“%s” in %s is not an amount of money like 12.50."),
                             stripped, column);
                ok = FALSE;
                break;
              }
            g_value_init (&value, G_TYPE_INT64);
            g_value_set_int64 (&value, cents);
            amends_record_set_value (AMENDS_RECORD (draft->kase), infos[i].pspec, &value);
          }
          break;
        case FIELD_REFERENCE:
          if (!is_blank (text))
            {
              g_auto(GValue) value = G_VALUE_INIT;

              g_value_init (&value, G_TYPE_STRING);
              g_value_take_string (&value, g_strstrip (g_strdup (text)));
              amends_record_set_value (AMENDS_RECORD (draft->kase), infos[i].pspec, &value);
            }
          break;
        case FIELD_PROPERTY:
        default:
          ok &= set_case_value (draft->kase, fields[i], infos[i].pspec, column, text,
                                line, context, problems);
          break;
        }
    }

  {
    g_autofree char *stripped = g_strstrip (g_strdup (summary ? summary : ""));

    if (*stripped == '\0')
      {
        add_problem (problems, line, _("the summary is empty."));
        ok = FALSE;
      }
  }

  /* Here rather than where the rows are saved: a second thread makes
   * the drafts while the first saves. */
  if (draft->customer != NULL && *draft->customer != '\0')
    draft->customer_key = name_key (draft->customer);
  if (draft->owner != NULL && *draft->owner != '\0')
    draft->owner_key = name_key (draft->owner);

  return ok ? g_steal_pointer (&draft) : NULL;
}

/* Presets */

static const char *
cell (const char * const *headers,
      CsvRow             *row,
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
                 CsvRow             *row,
                 RowValues          *values,
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

  row_values_set (values, "summary", "Subject", cell (h, row, "Subject"));
  row_values_set (values, "customer", "From", cell (h, row, "From"));
  row_values_set (values, "customer_email", "From Email", cell (h, row, "From Email"));
  row_values_set (values, "customer_phone", "Phone Number", cell (h, row, "Phone Number"));
  row_values_set (values, "team", "Department", cell (h, row, "Department"));
  row_values_set (values, "category", "Help Topic", cell (h, row, "Help Topic"));
  row_values_set (values, "occurred_at", "Date Created", cell (h, row, "Date Created"));
  row_values_set (values, "logged_at", "Date Created", cell (h, row, "Date Created"));
  row_values_set (values, "recovery_due_at", "Due Date", cell (h, row, "Due Date"));
  row_values_set (values, "owner", "Agent Assigned", cell (h, row, "Agent Assigned"));
  row_values_set (values, "noticed_by", "From", "customer");

  if (!translate (cell (h, row, "Priority"), priorities, severities, &severity))
    {
      add_problem (problems, row->line, _("the priority “%s” is not one Amends knows (%s)."),
                   cell (h, row, "Priority"), "Low, Normal, High, Emergency");
      ok = FALSE;
    }
  row_values_set (values, "severity", "Priority", severity);

  if (!translate (cell (h, row, "Current Status"), states, statuses, &status))
    {
      add_problem (problems, row->line, _("the status “%s” is not one Amends knows (%s)."),
                   cell (h, row, "Current Status"), "Open, Resolved, Closed, Archived");
      ok = FALSE;
    }
  row_values_set (values, "status", "Current Status", status);

  /* An unknown source is no reason to refuse the ticket. */
  if (translate (cell (h, row, "Source"), sources, channels, &channel) && channel != NULL)
    row_values_set (values, "channel", "Source", channel);

  if (g_strcmp0 (status, "closed") == 0 || g_strcmp0 (status, "recovered") == 0)
    {
      const char *recovered = (closed && *closed) ? closed : cell (h, row, "Last Updated");

      row_values_set (values, "recovered_at", "Closed Date", recovered);
      if (g_strcmp0 (status, "closed") == 0)
        row_values_set (values, "closed_at", "Closed Date", recovered);
    }

  /* Translators: a note in an imported case; %s is the osTicket number */
  append_line (description, cell (h, row, "Ticket Number"),
               _("osTicket ticket %s"), cell (h, row, "Ticket Number"));
  append_line (description, cell (h, row, "Team Assigned"),
               _("Team assigned: %s"), cell (h, row, "Team Assigned"));
  row_values_set (values, "description", "Ticket Number", description->str);

  return ok;
}

static gboolean
cfpb_values (const char * const *h,
             CsvRow             *row,
             RowValues          *values,
             GPtrArray          *problems)
{
  static const char * const vias[] = { "Web", "Phone", "Email", "Referral", "Postal mail", "Fax", "Web Referral", NULL };
  static const char * const channels[] = { "email", "phone", "email", "in-person", "email", "email", "email", NULL };
  g_autoptr(GString) description = g_string_new (NULL);
  const char *response = cell (h, row, "Company response to consumer");
  const char *sent = cell (h, row, "Date sent to company");
  const char *channel;
  gboolean ok = TRUE;

  row_values_set (values, "summary", "Issue", cell (h, row, "Issue"));
  row_values_set (values, "category", "Product", cell (h, row, "Product"));
  row_values_set (values, "occurred_at", "Date received", cell (h, row, "Date received"));
  /* The company learned of it when the bureau sent it on. */
  row_values_set (values, "logged_at", "Date sent to company",
                  (sent && *sent) ? sent : cell (h, row, "Date received"));
  row_values_set (values, "noticed_by", "Submitted via", "customer");

  if (!translate (cell (h, row, "Submitted via"), vias, channels, &channel))
    {
      add_problem (problems, row->line, _("“%s” in Submitted via is not a way Amends knows (%s)."),
                   cell (h, row, "Submitted via"), "Web, Phone, Email, Referral, Postal mail, Fax");
      ok = FALSE;
    }
  row_values_set (values, "channel", "Submitted via", channel);

  if (response == NULL || *response == '\0' ||
      g_ascii_strcasecmp (response, "In progress") == 0 ||
      g_ascii_strcasecmp (response, "Untimely response") == 0)
    row_values_set (values, "status", "Company response to consumer", "open");
  else if (g_ascii_strncasecmp (response, "Closed", strlen ("Closed")) == 0)
    row_values_set (values, "status", "Company response to consumer", "closed");
  else
    {
      add_problem (problems, row->line, _("the status “%s” is not one Amends knows (%s)."),
                   response, "Closed …, In progress, Untimely response");
      ok = FALSE;
    }

  if (g_strcmp0 (cell (h, row, "Consumer disputed?"), "Yes") == 0)
    row_values_set (values, "reaction", "Consumer disputed?", "still-unhappy");

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
  row_values_set (values, "description", "Consumer complaint narrative", description->str);

  return ok;
}

/* The field each column fills, by its index in amends_csv_case_columns(),
 * or -1: found once a file, not for each row. */
static int *
map_columns (const char * const *headers,
             GHashTable         *mapping)
{
  guint n = headers ? g_strv_length ((char **) headers) : 0;
  int *columns = g_new (int, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *field = mapping ? g_hash_table_lookup (mapping, headers[i]) : NULL;

      columns[i] = field ? field_index (field) : -1;
    }
  columns[n] = -1;

  return columns;
}

static gboolean
mapped_values (const char * const *headers,
               const int          *columns,
               CsvRow             *row,
               RowValues          *values)
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

/* Validation: may run in a worker thread; reads only what does not change
 * while an import runs, and writes only its own arrays. */

typedef struct
{
  AmendsCsvFormat     format;
  const char * const *headers;
  GHashTable         *mapping;
  GPtrArray          *rows;
  GPtrArray          *read_problems;
  AmendsCsvDateOrder  date_order;       /* as the person said */
  AmendsCsvDateOrder  effective_order;  /* the same, or what the file shows */
  guint               day_first_line;
  const char         *day_first_text;
  guint               month_first_line;
  const char         *month_first_text;
  guint               ambiguous_line;
  const char         *ambiguous_text;
  gboolean            confirmed_large;
} ValidateInput;

/* What the person must say before the rows are worth reading: how the
 * dates are written, and that so many rows are meant. */
static gboolean
check_questions (ValidateInput  *in,
                 GPtrArray      *problems,
                 GError        **error)
{
  if (in->date_order == AMENDS_CSV_DATE_ORDER_UNKNOWN &&
      in->day_first_line != 0 && in->month_first_line != 0)
    {
      /* Translators: both dates are as in the file, like 13/01/2026 and 01/13/2026 */
      add_problem (problems, 0,
                   _("The dates of this file are written both ways: “%s” on line %u is day first, "
                     "and “%s” on line %u month first. Write them all the same way and try again."),
                   in->day_first_text, in->day_first_line,
                   in->month_first_text, in->month_first_line);
      return TRUE;
    }

  if (in->effective_order == AMENDS_CSV_DATE_ORDER_UNKNOWN && in->ambiguous_line != 0)
    {
      g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_DATE_ORDER,
                   _("Line %u: the date “%s” can be read day first or month first, and no date "
                     "of the file tells which: say whether dates are written as day/month/year "
                     "or month/day/year."),
                   in->ambiguous_line, in->ambiguous_text);
      return FALSE;
    }

  if (in->rows->len > AMENDS_CSV_MAX_ROWS_UNCONFIRMED && !in->confirmed_large)
    {
      g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_TOO_MANY_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has %u case, more than %u: confirm that all of them are to be imported.",
                                "The file has %u cases, more than %u: confirm that all of them are to be imported.",
                                in->rows->len),
                   in->rows->len, (guint) AMENDS_CSV_MAX_ROWS_UNCONFIRMED);
      return FALSE;
    }

  return TRUE;
}

/* One row as a case, not yet saved; NULL with its problems added to
 * @problems.  The same for checking the file and for saving it. */
static Draft *
row_to_draft (const ValidateInput *in,
              const int           *columns,
              const ValueContext  *context,
              CsvRow              *row,
              GPtrArray           *problems)
{
  RowValues values = { { NULL }, { NULL }, { NULL } };
  guint n_headers = g_strv_length ((char **) in->headers);
  guint n_fields = g_strv_length (row->fields);
  gboolean ok = TRUE;
  Draft *draft;

  if (n_fields != n_headers)
    {
      add_problem (problems, row->line,
                   _("the row has %u columns, but the header row has %u."),
                   n_fields, n_headers);
      return NULL;
    }

  for (guint c = 0; c < n_fields; c++)
    if (!g_utf8_validate (row->fields[c], -1, NULL))
      {
        add_problem (problems, row->line,
                     _("the text in %s is not valid UTF-8; save the file as UTF-8 and try again."),
                     in->headers[c]);
        return NULL;
      }

  switch (in->format)
    {
    case AMENDS_CSV_FORMAT_OSTICKET:
      ok = osticket_values (in->headers, row, &values, problems);
      break;
    case AMENDS_CSV_FORMAT_CFPB:
      ok = cfpb_values (in->headers, row, &values, problems);
      break;
    case AMENDS_CSV_FORMAT_AMENDS:
    case AMENDS_CSV_FORMAT_CUSTOM:
    case AMENDS_CSV_FORMAT_UNKNOWN:
    default:
      ok = mapped_values (in->headers, columns, row, &values);
      break;
    }

  draft = draft_from_values (&values, row->line, context, problems);
  row_values_clear (&values);

  if (!ok)
    g_clear_pointer (&draft, draft_free);
  return draft;
}

/* The problems of the file as a whole, before any row is read: FALSE
 * when the person has a question to answer first. */
static gboolean
check_file (ValidateInput  *in,
            GPtrArray      *problems,
            GError        **error)
{
  for (guint i = 0; i < in->read_problems->len; i++)
    g_ptr_array_add (problems, g_strdup (in->read_problems->pdata[i]));

  if (problems->len > 0)
    return TRUE;  /* the file could not be read: its rows say nothing more */

  if (in->headers == NULL)
    add_problem (problems, 0, _("The file is empty."));
  else if (in->rows->len == 0)
    add_problem (problems, 0, _("The file has a header row but no cases."));
  else if (in->format == AMENDS_CSV_FORMAT_UNKNOWN &&
           (in->mapping == NULL || g_hash_table_size (in->mapping) == 0))
    {
      g_set_error_literal (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_NO_MAPPING,
                           _("Amends does not know these columns: choose the field each one fills."));
      return FALSE;
    }
  else if (!check_questions (in, problems, error))
    return FALSE;

  return TRUE;
}

/* Every row turned into a case and let go again, for its problems alone:
 * the cases of 100,000 rows held at once would take hundreds of
 * megabytes, and they are made again as they are saved. */
static gboolean
validate_rows (ValidateInput  *in,
               GCancellable   *cancellable,
               GPtrArray     **out_problems,
               GError        **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  ValueContext context = { in->effective_order, zone };
  g_autofree int *columns = map_columns (in->headers, in->mapping);

  if (!check_file (in, problems, error))
    return FALSE;

  if (problems->len == 0)
    for (guint r = 0; r < in->rows->len; r++)
      {
        Draft *draft;

        if (r % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
          return FALSE;

        draft = row_to_draft (in, columns, &context, in->rows->pdata[r], problems);
        g_clear_pointer (&draft, draft_free);
      }

  *out_problems = g_steal_pointer (&problems);
  return TRUE;
}

static gboolean
problems_to_error (GPtrArray  *problems,
                   GError    **error)
{
  if (problems->len == 0)
    return TRUE;

  if (problems->len == 1)
    g_set_error_literal (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_INVALID, problems->pdata[0]);
  else
    g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The file has %u problem; nothing was imported.",
                              "The file has %u problems; nothing was imported.",
                              problems->len),
                 problems->len);
  return FALSE;
}

static ValidateInput
validate_input (AmendsCsvImport *self)
{
  ValidateInput in = {
    self->format,
    (const char * const *) self->headers,
    self->mapping,
    self->rows,
    self->read_problems,
    self->date_order,
    effective_date_order (self),
    self->day_first_line,
    self->day_first_text,
    self->month_first_line,
    self->month_first_text,
    self->ambiguous_line,
    self->ambiguous_text,
    self->confirmed_large,
  };
  return in;
}

/* Inserting, on the thread that owns the store */

/* Whether there is any case (in the trash too) and any customer:
 * FALSE with @error set if they cannot be counted. */
static gboolean
store_has_rows (AmendsStore  *store,
                gboolean     *has_cases,
                gboolean     *has_customers,
                GError      **error)
{
  static const char sql[] =
    "SELECT EXISTS (SELECT 1 FROM cases), EXISTS (SELECT 1 FROM customers)";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return amends_store_set_error (store, rc, error);

  *has_cases = sqlite3_column_int (stmt, 0) != 0;
  *has_customers = sqlite3_column_int (stmt, 1) != 0;
  return TRUE;
}

static gboolean
begin_insert (AmendsCsvImport  *self,
              GError          **error)
{
  g_autoptr(GListModel) staff = amends_store_list_staff (self->store, TRUE, error);

  if (staff == NULL)
    return FALSE;

  g_clear_pointer (&self->staff, g_hash_table_unref);
  g_clear_pointer (&self->customers, g_hash_table_unref);
  self->staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) member = g_list_model_get_item (staff, i);
      gint64 *id = g_new (gint64, 1);

      *id = amends_record_get_id (AMENDS_RECORD (member));
      g_hash_table_insert (self->staff, name_key (amends_staff_get_name (member)), id);
    }

  g_clear_pointer (&self->inserted, g_hash_table_unref);
  self->inserted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_new_local ();

  self->next_row = 0;
  self->n_imported = self->n_updated = self->n_skipped = 0;

  if (!amends_store_begin (self->store, error))
    return FALSE;

  /* Into an empty database no row can name a case or a customer
   * already here: no reason to look for each. */
  if (!store_has_rows (self->store, &self->had_cases, &self->had_customers, error))
    {
      amends_store_rollback (self->store);
      return FALSE;
    }

  g_clear_pointer (&self->bulk, amends_store_bulk_free);
  self->bulk = amends_store_bulk_new (self->store, AMENDS_TYPE_CASE);
  return TRUE;
}

static gint64
resolve_staff (AmendsCsvImport  *self,
               const char       *name,
               const char       *key,
               const char       *team,
               GError          **error)
{
  g_autoptr(AmendsStaff) member = NULL;
  gint64 *id = g_hash_table_lookup (self->staff, key);

  if (id != NULL)
    return *id;

  member = amends_staff_new ();
  g_object_set (member, "name", name, "team", team, NULL);
  if (!amends_store_insert_within (self->store, AMENDS_RECORD (member), error))
    return 0;

  id = g_new (gint64, 1);
  *id = amends_record_get_id (AMENDS_RECORD (member));
  g_hash_table_insert (self->staff, g_strdup (key), id);
  return *id;
}

static gint64
resolve_customer (AmendsCsvImport  *self,
                  Draft            *draft,
                  GError          **error)
{
  g_autoptr(AmendsCustomer) customer = NULL;
  GError *local_error = NULL;
  gint64 *id = g_hash_table_lookup (self->customers, draft->customer_key);

  if (id != NULL)
    return *id;

  if (self->had_customers)
    customer = amends_store_find_customer (self->store, draft->customer, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }

  if (customer == NULL)
    {
      customer = amends_customer_new ();
      g_object_set (customer,
                    "name", draft->customer,
                    "phone", draft->customer_phone,
                    "email", draft->customer_email,
                    NULL);
      if (!amends_store_insert_within (self->store, AMENDS_RECORD (customer), error))
        return 0;
    }

  id = g_new (gint64, 1);
  *id = amends_record_get_id (AMENDS_RECORD (customer));
  g_hash_table_insert (self->customers, g_strdup (draft->customer_key), id);
  return *id;
}

/* Any case with this reference, in the trash too: 0 when there is none,
 * -1 on an error. */
static gint64
find_case_by_reference (AmendsStore  *store,
                        const char   *reference,
                        GError      **error)
{
  static const char sql[] = "SELECT id FROM cases WHERE reference = ?1";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;

  amends_store_set_error (store, rc, error);
  return -1;
}

static gboolean
draft_has_field (Draft      *draft,
                 const char *field)
{
  int i = field_index (field);

  return i >= 0 && (draft->fields & (G_GUINT64_CONSTANT (1) << i)) != 0;
}

/* The customer and the owner the row names, by id, on @kase; found by
 * name, or added. */
static gboolean
resolve_people (AmendsCsvImport  *self,
                Draft            *draft,
                AmendsCase       *kase,
                GError          **error)
{
  if (draft->customer != NULL && *draft->customer != '\0')
    {
      gint64 id = resolve_customer (self, draft, error);

      if (id == 0)
        return FALSE;
      g_object_set (kase, "customer-id", id, NULL);
    }
  else if (draft_has_field (draft, "customer"))
    g_object_set (kase, "customer-id", (gint64) 0, NULL);

  if (draft->owner != NULL && *draft->owner != '\0')
    {
      g_autofree char *team = NULL;
      gint64 id;

      g_object_get (draft->kase, "team", &team, NULL);
      if ((id = resolve_staff (self, draft->owner, draft->owner_key, team, error)) == 0)
        return FALSE;
      g_object_set (kase, "owner-id", id, NULL);
    }
  else if (draft_has_field (draft, "owner"))
    g_object_set (kase, "owner-id", (gint64) 0, NULL);

  return TRUE;
}

/* The case already here takes the row's values, for the columns the file
 * has: an emptied cell empties the field, as the person who edited the
 * file meant.  The store writes only what differs, into the audit log. */
static gboolean
update_case (AmendsCsvImport  *self,
             Draft            *draft,
             gint64            id,
             GError          **error)
{
  const char * const *fields = amends_csv_case_columns ();
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(kase = amends_store_load (self->store, AMENDS_TYPE_CASE, id, error)))
    return FALSE;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec;

      if (!draft_has_field (draft, fields[i]) ||
          g_str_equal (fields[i], "reference") ||
          g_str_equal (fields[i], "customer") ||
          g_str_equal (fields[i], "customer_phone") ||
          g_str_equal (fields[i], "customer_email") ||
          g_str_equal (fields[i], "owner"))
        continue;

      if (g_str_equal (fields[i], "surprise_cost"))
        name = g_strdup ("surprise-cost-cents");
      else
        name = g_strdelimit (g_strdup (fields[i]), "_", '-');

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (kase), name);
      g_assert (pspec != NULL);
      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (draft->kase), name, &value);
      g_object_set_property (G_OBJECT (kase), name, &value);
    }

  if (!resolve_people (self, draft, kase, error))
    return FALSE;

  if (!amends_store_update (self->store, AMENDS_RECORD (kase), &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Line %u: %s"), draft->line, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* The reference is taken by a row above: the case gets a new one, and
 * keeps the old one in its description. */
static void
give_new_reference (Draft      *draft,
                    const char *reference)
{
  g_autofree char *description = NULL;
  g_autofree char *note = NULL;

  g_object_get (draft->kase, "description", &description, NULL);
  /* Translators: a note in an imported case whose reference was taken */
  note = g_strdup_printf (_("Imported with the reference %s."), reference);
  if (description != NULL && *description != '\0')
    {
      char *both = g_strconcat (description, "\n", note, NULL);
      g_free (note);
      note = both;
    }
  g_object_set (draft->kase, "reference", NULL, "description", note, NULL);
}

static gboolean
set_line_error (GError  **error,
                guint     line,
                GError   *local_error)
{
  if (line == 0)
    g_propagate_error (error, local_error);
  else
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Line %u: %s"), line, local_error->message);
      g_error_free (local_error);
    }
  return FALSE;
}

static gboolean
insert_draft (AmendsCsvImport  *self,
              Draft            *draft,
              GError          **error)
{
  GError *local_error = NULL;
  const char *reference = amends_case_get_reference (draft->kase);
  guint failed_line = 0;

  if (reference != NULL && g_hash_table_contains (self->inserted, reference))
    give_new_reference (draft, reference);
  else if (reference != NULL && self->had_cases)
    {
      /* One of our references, of a case already here. */
      gint64 id = find_case_by_reference (self->store, reference, error);

      if (id < 0)
        return FALSE;
      if (id > 0 && self->existing == AMENDS_CSV_EXISTING_SKIP)
        {
          self->n_skipped++;
          return TRUE;
        }
      if (id > 0)
        {
          if (!update_case (self, draft, id, error))
            return FALSE;
          self->n_updated++;
          return TRUE;
        }
    }

  if (!resolve_people (self, draft, draft->kase, error))
    return FALSE;

  if (!amends_store_bulk_add (self->bulk, AMENDS_RECORD (draft->kase), draft->line,
                              &failed_line, &local_error))
    return set_line_error (error, failed_line, local_error);

  /* As given, or as the store gave it to a row without one. */
  g_hash_table_add (self->inserted, g_strdup (amends_case_get_reference (draft->kase)));
  self->n_imported++;
  return TRUE;
}

static void
set_fraction (AmendsCsvImport *self,
              double           fraction)
{
  if (G_APPROX_VALUE (self->fraction, fraction, DBL_EPSILON))
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FRACTION]);
}

/* Saves up to @n rows, each made a case as it is saved.  A row with a
 * problem is added to @problems; from then on the rows are only checked,
 * for the person to see every problem, and the caller rolls back.
 * TRUE with *done set when every row is in, or checked. */
static gboolean
insert_some (AmendsCsvImport  *self,
             guint             n,
             GPtrArray        *problems,
             gboolean         *done,
             GError          **error)
{
  ValidateInput in = validate_input (self);
  ValueContext context = { in.effective_order, self->zone };
  g_autofree int *columns = map_columns (in.headers, in.mapping);

  for (guint i = 0; i < n && self->next_row < self->rows->len; i++)
    {
      g_autoptr(Draft) draft = row_to_draft (&in, columns, &context,
                                             self->rows->pdata[self->next_row], problems);

      self->next_row++;
      if (draft == NULL || problems->len > 0)
        continue;
      if (!insert_draft (self, draft, error))
        return FALSE;
    }

  *done = self->next_row >= self->rows->len;
  set_fraction (self, self->rows->len ? (double) self->next_row / self->rows->len : 1.0);
  return TRUE;
}

/* The last batch, and the import in the audit log as one entry: the
 * cases it added are not announced one by one either, but as one change
 * of the cases, so that an open list is read again once. */
static gboolean
end_insert (AmendsCsvImport  *self,
            GError          **error)
{
  g_autofree char *what = NULL;
  GError *local_error = NULL;
  guint failed_line = 0;

  if (!amends_store_bulk_flush (self->bulk, &failed_line, &local_error))
    return set_line_error (error, failed_line, local_error);

  if (self->n_imported == 0)
    return TRUE;

  /* Kept in the database as data, in one language for every reader
   * of it, as the audit log's other words ("created", a column) are. */
  if (self->file_name != NULL)
    what = g_strdup_printf ("imported %u cases from %s", self->n_imported, self->file_name);
  else
    what = g_strdup_printf ("imported %u cases", self->n_imported);

  if (!amends_store_audit (self->store, "cases", 0, "imported", NULL, what, error))
    return FALSE;

  amends_store_queue_change (self->store, AMENDS_TYPE_CASE, 0);
  return TRUE;
}

static void
finish_insert (AmendsCsvImport *self)
{
  g_clear_pointer (&self->staff, g_hash_table_unref);
  g_clear_pointer (&self->customers, g_hash_table_unref);
  g_clear_pointer (&self->inserted, g_hash_table_unref);
  g_clear_pointer (&self->bulk, amends_store_bulk_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->running = FALSE;
}

/* GObject */

static void
amends_csv_import_finalize (GObject *object)
{
  AmendsCsvImport *self = (AmendsCsvImport *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->config_dir, g_free);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->read_problems, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->staff, g_hash_table_unref);
  g_clear_pointer (&self->customers, g_hash_table_unref);
  g_clear_pointer (&self->inserted, g_hash_table_unref);
  g_clear_pointer (&self->bulk, amends_store_bulk_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->day_first_text, g_free);
  g_clear_pointer (&self->month_first_text, g_free);
  g_clear_pointer (&self->ambiguous_text, g_free);

  G_OBJECT_CLASS (amends_csv_import_parent_class)->finalize (object);
}

static void
amends_csv_import_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmendsCsvImport *self = AMENDS_CSV_IMPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_CONFIRMED_LARGE:
      g_value_set_boolean (value, self->confirmed_large);
      break;
    case PROP_DATE_ORDER:
      g_value_set_enum (value, amends_csv_import_get_date_order (self));
      break;
    case PROP_EXISTING:
      g_value_set_enum (value, self->existing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_csv_import_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmendsCsvImport *self = AMENDS_CSV_IMPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CONFIRMED_LARGE:
      amends_csv_import_set_confirmed_large (self, g_value_get_boolean (value));
      break;
    case PROP_DATE_ORDER:
      amends_csv_import_set_date_order (self, g_value_get_enum (value));
      break;
    case PROP_EXISTING:
      amends_csv_import_set_existing (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_csv_import_class_init (AmendsCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amends_csv_import_finalize;
  object_class->get_property = amends_csv_import_get_property;
  object_class->set_property = amends_csv_import_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* How much of the import is done, from 0 to 1, for a progress bar. */
  properties [PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* That the person confirmed importing more than
   * AMENDS_CSV_MAX_ROWS_UNCONFIRMED rows (--yes on the command line). */
  properties [PROP_CONFIRMED_LARGE] =
    g_param_spec_boolean ("confirmed-large", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* How the day/month dates of the file are read: as set, else as the
   * file shows; unknown when nothing tells. */
  properties [PROP_DATE_ORDER] =
    g_param_spec_enum ("date-order", NULL, NULL,
                       AMENDS_TYPE_CSV_DATE_ORDER,
                       AMENDS_CSV_DATE_ORDER_UNKNOWN,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* What becomes of a row whose reference is a case already here. */
  properties [PROP_EXISTING] =
    g_param_spec_enum ("existing", NULL, NULL,
                       AMENDS_TYPE_CSV_EXISTING,
                       AMENDS_CSV_EXISTING_SKIP,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amends_csv_import_init (AmendsCsvImport *self)
{
  self->delimiter = ',';
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->read_problems = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/* Public */

AmendsCsvImport *
amends_csv_import_new (AmendsStore *store)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_CSV_IMPORT, "store", store, NULL);
}

/**
 * amends_csv_import_set_config_dir:
 *
 * Where mappings are remembered (mappings.ini); by default
 * $XDG_CONFIG_HOME/amends.
 */
void
amends_csv_import_set_config_dir (AmendsCsvImport *self,
                                  const char      *dir)
{
  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));

  g_free (self->config_dir);
  self->config_dir = g_strdup (dir);
}

static void
reset (AmendsCsvImport *self)
{
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->file_name, g_free);
  self->validated = FALSE;
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->read_problems, 0);
  g_ptr_array_set_size (self->problems, 0);
  self->format = AMENDS_CSV_FORMAT_UNKNOWN;
  self->delimiter = ',';
  self->n_imported = self->n_updated = self->n_skipped = 0;
  self->fraction = 0;
  self->day_first_line = self->month_first_line = self->ambiguous_line = 0;
  g_clear_pointer (&self->day_first_text, g_free);
  g_clear_pointer (&self->month_first_text, g_free);
  g_clear_pointer (&self->ambiguous_text, g_free);
}

/**
 * amends_csv_import_read:
 *
 * Reads and parses the whole of @in.  Fails on a file that is empty or
 * is not well-formed CSV (the message says on which line); the problems of
 * single rows are found by amends_csv_import_validate().
 */
gboolean
amends_csv_import_read (AmendsCsvImport  *self,
                        GInputStream     *in,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean has_text = FALSE;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  reset (self);

  if (!parse_stream (in, self->rows, &self->delimiter, &has_text, cancellable, &local_error))
    {
      if (local_error->domain == AMENDS_CSV_ERROR)
        g_ptr_array_add (self->read_problems, g_strdup (local_error->message));
      g_ptr_array_set_size (self->rows, 0);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->rows->len == 0)
    {
      g_set_error_literal (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_EMPTY, _("The file is empty."));
      g_ptr_array_add (self->read_problems, g_strdup (_("The file is empty.")));
      return FALSE;
    }

  /* The header row, trimmed and made readable even if it is not UTF-8. */
  {
    CsvRow *header = self->rows->pdata[0];
    guint n = g_strv_length (header->fields);

    self->headers = g_new0 (char *, n + 1);
    for (guint i = 0; i < n; i++)
      {
        if (!g_utf8_validate (header->fields[i], -1, NULL))
          {
            if (self->read_problems->len == 0)
              add_problem (self->read_problems, header->line,
                           _("the header row is not valid UTF-8; save the file as UTF-8 and try again."));
            self->headers[i] = g_utf8_make_valid (header->fields[i], -1);
          }
        else
          self->headers[i] = g_strdup (header->fields[i]);
        g_strstrip (self->headers[i]);
      }
    g_ptr_array_remove_index (self->rows, 0);
  }

  self->format = detect_format ((const char * const *) self->headers);
  if (self->format == AMENDS_CSV_FORMAT_UNKNOWN &&
      (self->mapping = load_mapping (self)) != NULL)
    self->format = AMENDS_CSV_FORMAT_CUSTOM;

  detect_date_order (self);

  if (self->format == AMENDS_CSV_FORMAT_AMENDS)
    {
      self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; self->headers[i] != NULL; i++)
        g_hash_table_insert (self->mapping, g_strdup (self->headers[i]), g_strdup (self->headers[i]));
    }

  return TRUE;
}

gboolean
amends_csv_import_read_path (AmendsCsvImport  *self,
                             const char       *path,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  if (!(in = g_file_read (file, cancellable, error)) ||
      !amends_csv_import_read (self, G_INPUT_STREAM (in), cancellable, error))
    return FALSE;

  self->file_name = g_filename_display_basename (path);
  return TRUE;
}

AmendsCsvFormat
amends_csv_import_get_format (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), AMENDS_CSV_FORMAT_UNKNOWN);

  return self->format;
}

char
amends_csv_import_get_delimiter (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), ',');

  return self->delimiter;
}

/**
 * amends_csv_import_get_headers:
 *
 * Returns: (transfer none) (nullable): the column names, as in the file
 */
const char * const *
amends_csv_import_get_headers (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), NULL);

  return (const char * const *) self->headers;
}

/**
 * amends_csv_import_get_n_rows:
 *
 * Returns: how many cases the file holds (its rows after the header),
 *   known once it is read and before anything is imported
 */
guint
amends_csv_import_get_n_rows (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0);

  return self->rows->len;
}

/**
 * amends_csv_import_needs_confirmation:
 *
 * Returns: %TRUE if the file has more than %AMENDS_CSV_MAX_ROWS_UNCONFIRMED
 *   rows and the person has not confirmed them yet: running would fail
 *   with %AMENDS_CSV_ERROR_TOO_MANY_ROWS
 */
gboolean
amends_csv_import_needs_confirmation (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);

  return self->rows->len > AMENDS_CSV_MAX_ROWS_UNCONFIRMED && !self->confirmed_large;
}

gboolean
amends_csv_import_get_confirmed_large (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);

  return self->confirmed_large;
}

/**
 * amends_csv_import_set_confirmed_large:
 * @confirmed: whether the person said yes to importing a file of more than
 *   %AMENDS_CSV_MAX_ROWS_UNCONFIRMED rows
 *
 * Kept when another file is read with the same import, like the other
 * answers (date order, existing cases).
 */
void
amends_csv_import_set_confirmed_large (AmendsCsvImport *self,
                                       gboolean         confirmed)
{
  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));

  confirmed = !!confirmed;
  if (self->confirmed_large == confirmed)
    return;
  self->confirmed_large = confirmed;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONFIRMED_LARGE]);
}

/**
 * amends_csv_import_get_date_order:
 *
 * Returns: the order dates like 01/02/2026 are read in: as set with
 *   amends_csv_import_set_date_order(), else as the file's other dates
 *   show (13/02/2026 is day first), else as its format always writes
 *   them; %AMENDS_CSV_DATE_ORDER_UNKNOWN when nothing tells
 */
AmendsCsvDateOrder
amends_csv_import_get_date_order (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), AMENDS_CSV_DATE_ORDER_UNKNOWN);

  return effective_date_order (self);
}

void
amends_csv_import_set_date_order (AmendsCsvImport    *self,
                                  AmendsCsvDateOrder  order)
{
  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));
  g_return_if_fail (order <= AMENDS_CSV_DATE_ORDER_MONTH_FIRST);
  g_return_if_fail (!self->running);

  if (self->date_order == order)
    return;
  self->date_order = order;
  self->validated = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE_ORDER]);
}

/**
 * amends_csv_import_needs_date_order:
 *
 * Returns: %TRUE if the file has dates like 01/02/2026 and nothing tells
 *   whether the day or the month comes first: running would fail with
 *   %AMENDS_CSV_ERROR_DATE_ORDER until amends_csv_import_set_date_order()
 */
gboolean
amends_csv_import_needs_date_order (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);

  return self->ambiguous_line != 0 &&
         !(self->day_first_line != 0 && self->month_first_line != 0) &&
         effective_date_order (self) == AMENDS_CSV_DATE_ORDER_UNKNOWN;
}

/**
 * amends_csv_import_get_ambiguous_date:
 *
 * Returns: (nullable): the first date of the file that can be read either
 *   way, like "01/02/2026", to show when asking
 */
const char *
amends_csv_import_get_ambiguous_date (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), NULL);

  return self->ambiguous_text;
}

AmendsCsvExisting
amends_csv_import_get_existing (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), AMENDS_CSV_EXISTING_SKIP);

  return self->existing;
}

/**
 * amends_csv_import_set_existing:
 *
 * Chooses what becomes of a row whose reference is a case already in the
 * database (a file exported from it, read back): skipped, the default, or
 * the case updated to the row's values.
 */
void
amends_csv_import_set_existing (AmendsCsvImport   *self,
                                AmendsCsvExisting  existing)
{
  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));
  g_return_if_fail (existing <= AMENDS_CSV_EXISTING_UPDATE);
  g_return_if_fail (!self->running);

  if (self->existing == existing)
    return;
  self->existing = existing;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXISTING]);
}

/**
 * amends_csv_import_get_reference_column:
 *
 * Returns: the column the references are read from, from 0; -1 if none
 */
int
amends_csv_import_get_reference_column (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), -1);

  if (self->mapping == NULL || self->headers == NULL ||
      self->format == AMENDS_CSV_FORMAT_OSTICKET || self->format == AMENDS_CSV_FORMAT_CFPB)
    return -1;

  for (guint i = 0; self->headers[i] != NULL; i++)
    if (g_strcmp0 (g_hash_table_lookup (self->mapping, self->headers[i]), "reference") == 0)
      return i;

  return -1;
}

/**
 * amends_csv_import_count_existing:
 * @column: the column of the references, from 0, or -1 for
 *   amends_csv_import_get_reference_column()
 *
 * Counts the rows whose reference is that of a case already in the
 * database, in the trash too: the rows amends_csv_import_set_existing()
 * decides about.  Reads the store, on the thread that owns it.
 *
 * Returns: how many; 0 with @error set on a failure
 */
guint
amends_csv_import_count_existing (AmendsCsvImport  *self,
                                  int               column,
                                  GError          **error)
{
  g_autoptr(GHashTable) seen = NULL;
  guint n = 0;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0);
  g_return_val_if_fail (!self->running, 0);

  if (column < 0)
    column = amends_csv_import_get_reference_column (self);
  if (column < 0 || self->headers == NULL || (guint) column >= g_strv_length (self->headers))
    return 0;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint r = 0; r < self->rows->len; r++)
    {
      CsvRow *row = self->rows->pdata[r];
      g_autofree char *reference = NULL;
      gint64 id;

      if ((guint) column >= g_strv_length (row->fields))
        continue;
      reference = g_strstrip (g_strdup (row->fields[column]));
      if (*reference == '\0' || !g_hash_table_add (seen, g_strdup (reference)))
        continue;

      if ((id = find_case_by_reference (self->store, reference, error)) < 0)
        return 0;
      if (id > 0)
        n++;
    }

  return n;
}

/**
 * amends_csv_import_get_preview:
 *
 * Returns: (transfer full): the first @n_rows rows after the header, each
 *   a #GStrv of valid UTF-8, for showing
 */
GPtrArray *
amends_csv_import_get_preview (AmendsCsvImport *self,
                               guint            n_rows)
{
  GPtrArray *preview;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), NULL);

  preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint r = 0; r < MIN (n_rows, self->rows->len); r++)
    {
      CsvRow *row = self->rows->pdata[r];
      guint n = g_strv_length (row->fields);
      GStrv copy = g_new0 (char *, n + 1);

      for (guint i = 0; i < n; i++)
        copy[i] = g_utf8_make_valid (row->fields[i], -1);
      g_ptr_array_add (preview, copy);
    }

  return preview;
}

/**
 * amends_csv_import_get_fields:
 *
 * Returns: (transfer none): the fields a column can be mapped to
 */
const char * const *
amends_csv_import_get_fields (void)
{
  return amends_csv_case_columns ();
}

/**
 * amends_csv_import_get_mapping:
 *
 * Returns: (transfer none) (nullable): column → field, for our own format
 *   and for a mapping that was set or remembered
 */
GHashTable *
amends_csv_import_get_mapping (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), NULL);

  return self->mapping;
}

/**
 * amends_csv_import_set_mapping:
 * @mapping: column name → field name (one of amends_csv_import_get_fields())
 *
 * Chooses the field each column fills, for a file whose columns Amends
 * does not know; columns left out are not imported.
 */
void
amends_csv_import_set_mapping (AmendsCsvImport *self,
                               GHashTable      *mapping)
{
  GHashTableIter iter;
  gpointer column, field;

  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));
  g_return_if_fail (mapping != NULL);
  g_return_if_fail (!self->running);

  g_clear_pointer (&self->mapping, g_hash_table_unref);
  self->validated = FALSE;
  self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_iter_init (&iter, mapping);
  while (g_hash_table_iter_next (&iter, &column, &field))
    {
      if (field == NULL || *(const char *) field == '\0')
        continue;
      g_return_if_fail (field_index (field) >= 0);
      g_hash_table_insert (self->mapping, g_strdup (column), g_strdup (field));
    }

  if (self->format == AMENDS_CSV_FORMAT_UNKNOWN || self->format == AMENDS_CSV_FORMAT_AMENDS)
    self->format = AMENDS_CSV_FORMAT_CUSTOM;
}

/**
 * amends_csv_import_save_mapping:
 *
 * Remembers the mapping for files with this same header row.
 */
gboolean
amends_csv_import_save_mapping (AmendsCsvImport  *self,
                                GError          **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *group = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (self->headers != NULL && self->mapping != NULL, FALSE);

  path = mappings_path (self);
  dir = g_path_get_dirname (path);
  group = mapping_group ((const char * const *) self->headers);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The folder “%s” cannot be made: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_KEEP_COMMENTS, &local_error) &&
      !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; self->headers[i] != NULL; i++)
    {
      const char *field = g_hash_table_lookup (self->mapping, self->headers[i]);
      g_ptr_array_add (fields, (gpointer) (field ? field : ""));
    }

  g_key_file_set_string_list (keys, group, "columns",
                              (const char * const *) self->headers,
                              g_strv_length (self->headers));
  g_key_file_set_string_list (keys, group, "fields",
                              (const char * const *) fields->pdata, fields->len);

  return g_key_file_save_to_file (keys, path, error);
}

static gboolean
take_results (AmendsCsvImport  *self,
              GPtrArray        *problems,
              GError          **error)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = problems;
  self->validated = problems_to_error (problems, error);

  return self->validated;
}

/**
 * amends_csv_import_validate:
 *
 * Turns every row into a case without saving it, and collects every
 * problem, each with its line (see amends_csv_import_get_problems()).
 *
 * Returns: %TRUE if the whole file can be imported
 */
gboolean
amends_csv_import_validate (AmendsCsvImport  *self,
                            GError          **error)
{
  ValidateInput in;
  GPtrArray *problems = NULL;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  in = validate_input (self);
  self->validated = FALSE;
  if (!validate_rows (&in, NULL, &problems, error))
    return FALSE;

  return take_results (self, problems, error);
}

/**
 * amends_csv_import_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): what stops the import, in
 *   plain words, each with its line
 */
GPtrArray *
amends_csv_import_get_problems (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), NULL);

  return self->problems;
}

double
amends_csv_import_get_fraction (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0.0);

  return self->fraction;
}

/**
 * amends_csv_import_get_n_imported:
 *
 * Returns: how many new cases the import added
 */
guint
amends_csv_import_get_n_imported (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0);

  return self->n_imported;
}

/**
 * amends_csv_import_get_n_updated:
 *
 * Returns: how many cases already here took the file's values
 *   (%AMENDS_CSV_EXISTING_UPDATE)
 */
guint
amends_csv_import_get_n_updated (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0);

  return self->n_updated;
}

/**
 * amends_csv_import_get_n_skipped:
 *
 * Returns: how many rows were left out because their case is already here
 *   (%AMENDS_CSV_EXISTING_SKIP)
 */
guint
amends_csv_import_get_n_skipped (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0);

  return self->n_skipped;
}

/* Making the cases in a second thread while this one saves them: the
 * two take about as long, and the machine has two cores.  The rows go
 * a chunk at a time, in order, and no more than a few chunks wait. */

#define MAKER_CHUNKS_WAITING 4

typedef struct
{
  GPtrArray *drafts;     /* Draft, the rows without a problem */
  GPtrArray *problems;   /* of its rows, in order */
  guint      n_rows;
} MadeChunk;

typedef struct
{
  ValidateInput  in;
  GTimeZone     *zone;
  GMutex         lock;
  GCond          cond;
  GQueue         chunks;     /* MadeChunk, made and not yet taken */
  GQueue         spent;      /* MadeChunk, saved, for this thread to free */
  gboolean       stop;       /* the saving failed: make no more */
  gboolean       finished;   /* every row is in a chunk */
} Maker;

static void
made_chunk_free (MadeChunk *chunk)
{
  g_ptr_array_unref (chunk->drafts);
  g_ptr_array_unref (chunk->problems);
  g_free (chunk);
}

static gpointer
maker_thread (gpointer user_data)
{
  Maker *maker = user_data;
  ValueContext context = { maker->in.effective_order, maker->zone };
  g_autofree int *columns = map_columns (maker->in.headers, maker->in.mapping);
  GPtrArray *rows = maker->in.rows;
  GQueue spent;

  for (guint r = 0; r < rows->len; )
    {
      MadeChunk *chunk = g_new0 (MadeChunk, 1);

      chunk->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_free);
      chunk->problems = g_ptr_array_new_with_free_func (g_free);
      for (; r < rows->len && chunk->n_rows < CHUNK_SIZE; r++, chunk->n_rows++)
        {
          Draft *draft = row_to_draft (&maker->in, columns, &context, rows->pdata[r], chunk->problems);

          if (draft != NULL)
            g_ptr_array_add (chunk->drafts, draft);
        }

      g_mutex_lock (&maker->lock);
      while (maker->chunks.length >= MAKER_CHUNKS_WAITING && !maker->stop)
        g_cond_wait (&maker->cond, &maker->lock);
      if (maker->stop)
        {
          g_mutex_unlock (&maker->lock);
          made_chunk_free (chunk);
          return NULL;
        }
      g_queue_push_tail (&maker->chunks, chunk);
      spent = maker->spent;
      g_queue_init (&maker->spent);
      g_cond_broadcast (&maker->cond);
      g_mutex_unlock (&maker->lock);

      /* Freeing 256 cases is work too: not on the thread that saves. */
      g_queue_clear_full (&spent, (GDestroyNotify) made_chunk_free);
    }

  g_mutex_lock (&maker->lock);
  maker->finished = TRUE;
  g_cond_broadcast (&maker->cond);
  g_mutex_unlock (&maker->lock);
  return NULL;
}

/* The next chunk, or NULL when every one was taken. */
static MadeChunk *
maker_take (Maker *maker)
{
  MadeChunk *chunk;

  g_mutex_lock (&maker->lock);
  while (maker->chunks.length == 0 && !maker->finished)
    g_cond_wait (&maker->cond, &maker->lock);
  chunk = g_queue_pop_head (&maker->chunks);
  g_cond_broadcast (&maker->cond);
  g_mutex_unlock (&maker->lock);

  return chunk;
}

/* Saves every row, made a case by a second thread; the rows with a
 * problem go to @problems, and once there is one, the rest are only
 * checked, as in insert_some(). */
static gboolean
insert_all (AmendsCsvImport  *self,
            GPtrArray        *problems,
            GError          **error)
{
  Maker maker = { validate_input (self), self->zone, };
  GThread *thread;
  MadeChunk *chunk;
  gboolean ok = TRUE;

  g_mutex_init (&maker.lock);
  g_cond_init (&maker.cond);
  g_queue_init (&maker.chunks);
  g_queue_init (&maker.spent);
  thread = g_thread_new ("amends-csv-make", maker_thread, &maker);

  while (ok && (chunk = maker_take (&maker)) != NULL)
    {
      for (guint i = 0; i < chunk->problems->len; i++)
        g_ptr_array_add (problems, g_strdup (chunk->problems->pdata[i]));

      for (guint i = 0; ok && problems->len == 0 && i < chunk->drafts->len; i++)
        ok = insert_draft (self, chunk->drafts->pdata[i], error);

      self->next_row += chunk->n_rows;
      set_fraction (self, (double) self->next_row / self->rows->len);

      g_mutex_lock (&maker.lock);
      g_queue_push_tail (&maker.spent, chunk);
      g_mutex_unlock (&maker.lock);
    }

  g_mutex_lock (&maker.lock);
  maker.stop = TRUE;
  g_cond_broadcast (&maker.cond);
  g_mutex_unlock (&maker.lock);
  g_thread_join (thread);

  g_queue_clear_full (&maker.chunks, (GDestroyNotify) made_chunk_free);
  g_queue_clear_full (&maker.spent, (GDestroyNotify) made_chunk_free);
  g_cond_clear (&maker.cond);
  g_mutex_clear (&maker.lock);

  return ok;
}

/**
 * amends_csv_import_run:
 *
 * Validates and imports every row in one transaction: all the cases or,
 * on any problem, none.  In one pass: each row is checked as it is
 * saved, and a problem in any row rolls back what went before it (the
 * rows after it are still checked, so that every problem is told).
 */
gboolean
amends_csv_import_run (AmendsCsvImport  *self,
                       GError          **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  ValidateInput in;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  in = validate_input (self);
  self->validated = FALSE;
  g_ptr_array_set_size (self->problems, 0);
  if (!check_file (&in, problems, error))
    return FALSE;
  if (problems->len > 0)
    return take_results (self, g_steal_pointer (&problems), error);

  self->running = TRUE;
  if (!begin_insert (self, error))
    {
      finish_insert (self);
      return FALSE;
    }

  if (!insert_all (self, problems, error) ||
      (problems->len == 0 && !end_insert (self, error)) ||
      !take_results (self, g_ptr_array_ref (problems), error))
    {
      amends_store_rollback (self->store);
      self->n_imported = self->n_updated = self->n_skipped = 0;
      finish_insert (self);
      return FALSE;
    }

  /* A failed commit rolls back by itself. */
  if (!amends_store_commit (self->store, error))
    {
      self->n_imported = self->n_updated = self->n_skipped = 0;
      finish_insert (self);
      return FALSE;
    }

  finish_insert (self);
  return TRUE;
}

/* Asynchronous: validation in a worker thread, then the inserts a chunk at
 * a time from an idle source, all inside one open transaction. */

typedef struct
{
  ValidateInput  in;
  GPtrArray     *problems;
} ValidateData;

static void
validate_data_free (ValidateData *data)
{
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static void
validate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ValidateData *data = task_data;
  GError *error = NULL;

  if (!validate_rows (&data->in, cancellable, &data->problems, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
insert_chunk_cb (gpointer user_data)
{
  GTask *task = user_data;
  AmendsCsvImport *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  gboolean done = FALSE;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error) ||
      !insert_some (self, CHUNK_SIZE, problems, &done, &error) ||
      !problems_to_error (problems, &error) ||
      (done && !end_insert (self, &error)))
    {
      amends_store_rollback (self->store);
      self->n_imported = self->n_updated = self->n_skipped = 0;
      set_fraction (self, 0.0);
      finish_insert (self);
      g_task_return_error (task, error);
      return G_SOURCE_REMOVE;
    }

  if (!done)
    return G_SOURCE_CONTINUE;

  if (!amends_store_commit (self->store, &error))
    {
      self->n_imported = self->n_updated = self->n_skipped = 0;
      finish_insert (self);
      g_task_return_error (task, error);
      return G_SOURCE_REMOVE;
    }

  finish_insert (self);
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_validated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmendsCsvImport *self = g_task_get_source_object (task);
  ValidateData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  GSource *source;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !take_results (self, g_steal_pointer (&data->problems), &error) ||
      g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error) ||
      !begin_insert (self, &error))
    {
      finish_insert (self);
      g_task_return_error (task, error);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_name (source, "[amends] csv import");
  g_source_set_callback (source, insert_chunk_cb, g_object_ref (task), g_object_unref);
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

void
amends_csv_import_run_async (AmendsCsvImport     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) validate = NULL;
  ValidateData *data;

  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_csv_import_run_async);

  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The file is already being imported."));
      return;
    }

  self->running = TRUE;
  self->n_imported = self->n_updated = self->n_skipped = 0;
  set_fraction (self, 0.0);

  data = g_new0 (ValidateData, 1);
  data->in = validate_input (self);

  validate = g_task_new (self, cancellable, on_validated_cb, g_steal_pointer (&task));
  g_task_set_source_tag (validate, validate_thread);
  g_task_set_task_data (validate, data, (GDestroyNotify) validate_data_free);
  g_task_run_in_thread (validate, validate_thread);
}

gboolean
amends_csv_import_run_finish (AmendsCsvImport  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
