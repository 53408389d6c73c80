/* amends-csv-reader.c: the rows of a CSV file, each with the line it starts on
 *
 * The file is read a block at a time and fed to libcsv a line at a time,
 * so that each record knows the line it starts on, and so that a file
 * that is not text (a NUL byte) or holds a field too long to be a case's
 * is refused as soon as it shows it, never loaded whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-reader"

#include "config.h"

#include "amends-csv-reader.h"

#include <csv.h>
#include <string.h>
#include <glib/gi18n.h>

#include "amends-csv-export.h"
#include "amends-csv-import.h"

/* Bytes read from the file at a time. */
#define READ_SIZE (64 * 1024)

/* libcsv's parser states (libcsv.c), read to know where a record starts. */
#define CSV_STATE_ROW_NOT_BEGUN 0
#define CSV_STATE_FIELD_BEGUN   2

static AmendsCsvRow *
csv_row_new (guint         line,
             const GString *text,
             const GArray  *starts)
{
  guint n = starts->len;
  AmendsCsvRow *row = g_malloc (sizeof (AmendsCsvRow) + (n + 1) * sizeof (char *) + text->len);
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
  AmendsCsvRow *header = rows->len > 0 ? rows->pdata[0] : NULL;

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

/**
 * amends_csv_read_rows:
 * @rows: (element-type AmendsCsvRow): where the rows go, the header row
 *   first; each one a single block, freed with g_free()
 * @delimiter: (out): the delimiter found in the header line
 * @has_text: (out): whether the file holds anything but white space
 *
 * Reads @in into @rows, a block at a time.
 */
gboolean
amends_csv_read_rows (GInputStream  *in,
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
