/* test-ui-german.c: no English left on any screen under de_DE.UTF-8
 *
 * The real window runs in German (LANGUAGE=de, LC_ALL=de_DE.UTF-8, the
 * build's own .mo files, the locale compiled into the build tree and found
 * through LOCPATH) on a database with cases in every state.  The test goes
 * through every screen a person sees, as a person would open it, and
 * collects each string on it: labels, buttons, titles, placeholders,
 * what is written in entries, tooltips, accessible labels and
 * descriptions, menu items.  It fails,
 * with a list of each offender and where it was seen, on:
 *
 *  (a) a string that matches an English msgid of the sources (the pot is
 *      made from po/POTFILES.in when the test is built) which po/de.po
 *      does not translate, or translates to something else: printf
 *      placeholders match anything, g_date_time_format() directives what
 *      they write in this locale (so "Do 19 Nov 08:00" is found as the
 *      English "%a %-d %b %H:%M" when the German pattern is missing),
 *      mnemonic underscores and markup are ignored;
 *  (b) a string that matches no msgid and still has common English words
 *      in it: text that never went through gettext, or was put together
 *      from English pieces.
 *
 * The command line is checked the same way: its help, an error message,
 * and the weekly summary PDF (through pdftotext).
 *
 * The data the test writes itself is German, and is taken out of each
 * string before it is checked, as are case references and option names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amends-application.h"
#include "amends-board-page.h"
#include "amends-board-view.h"
#include "amends-case-history.h"
#include "amends-heroes-panel.h"
#include "amends-measures-view.h"
#include "amends-preferences-window.h"
#include "amends-staff-record.h"
#include "amends-store-stories.h"
#include "amends-test-utils.h"
#include "amends-window.h"

static AmendsApplication *app;

/* What the test writes into the database: kept out of the check. */
static const char *test_data[] = {
  "Ada Moreau", "Bilal Okafor", "Clara Wendt",
  "Familie Schneider", "Stammgäste, möchten ein ruhiges Zimmer zum Hof",
  "Zimmer 214 beim Einchecken nicht gereinigt",
  "Frühstücksbestellung für Zimmer 108 vergessen",
  "Heizung in Zimmer 305 ausgefallen",
  "Hochzeitsnacht neben einer lauten Baustelle",
  "Rechnung doppelt abgebucht",
  "Gast hat an der Rezeption angerufen",
  "Zimmer 412 mit Blick auf den See angeboten",
  "Eine Flasche Sekt und ein Brief der Direktion",
  "Ins ruhige Zimmer 501 umgezogen",
  "Reinigung", "Küche", "Technik",
  "Hotel Sonnenhof", "Empfang",
  "214", "108", "305", "501",
  /* Values of the command line, typed as they are. */
  "day-first", "month-first",
};

/* ------------------------------------------------------------------ */
/* The pot and po/de.po                                                */

#define UNTRANSLATED "untranslated in po/de.po"

/* What a message looks like on the screen. */
typedef struct
{
  GRegex  *within;          /* anywhere in a text, as whole words */
  GRegex  *whole;           /* the whole text */
  char    *literal;         /* a run of letters the text must contain,
                             * in lower case */
  guint    weight;          /* its letters outside placeholders */
  gboolean placeholders;
} Pattern;

static void
pattern_clear (Pattern *pattern)
{
  g_clear_pointer (&pattern->within, g_regex_unref);
  g_clear_pointer (&pattern->whole, g_regex_unref);
  g_clear_pointer (&pattern->literal, g_free);
}

typedef struct
{
  char    *context;
  char    *english[2];      /* msgid, msgid_plural (or NULL) */
  char    *german[2];       /* msgstr or msgstr[0], msgstr[1] */
  gboolean fuzzy;
  gboolean date;            /* a g_date_time_format() format */
  Pattern  patterns[2];
} PoEntry;

static void
po_entry_free (PoEntry *entry)
{
  for (guint i = 0; i < 2; i++)
    {
      g_free (entry->english[i]);
      g_free (entry->german[i]);
      pattern_clear (&entry->patterns[i]);
    }
  g_free (entry->context);
  g_free (entry);
}

/* The string of a line such as `msgid "..."` or a continuation `"..."`. */
static char *
po_string (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *inner = NULL;

  if (start == NULL || end <= start)
    return g_strdup ("");
  inner = g_strndup (start + 1, end - start - 1);

  return g_strcompress (inner);
}

static void
append_to (char       **field,
           const char  *line)
{
  g_autofree char *piece = po_string (line);
  char *joined = g_strconcat (*field != NULL ? *field : "", piece, NULL);

  g_free (*field);
  *field = joined;
}

/* Every entry of a .po or .pot file but the header. */
static GPtrArray *
read_po (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) po_entry_free);
  PoEntry *entry = NULL;
  char **field = NULL;
  gboolean fuzzy = FALSE;
  gboolean c_format = FALSE;
  gboolean in_msgstr = TRUE;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
        fuzzy = TRUE;
      if (g_str_has_prefix (line, "#,") && strstr (line, " c-format") != NULL)
        c_format = TRUE;
      if (line[0] == '#' || line[0] == '\0')
        {
          field = NULL;
          continue;
        }
      if (line[0] == '"')
        {
          if (field != NULL)
            append_to (field, line);
          continue;
        }

      /* A msgctxt, or a msgid after a msgstr, starts the next entry. */
      if (g_str_has_prefix (line, "msgctxt ") ||
          (g_str_has_prefix (line, "msgid ") && in_msgstr))
        {
          entry = g_new0 (PoEntry, 1);
          entry->fuzzy = fuzzy;
          /* xgettext flags every printf format; a '%' in any other
           * message is a g_date_time_format() directive (checked below). */
          entry->date = !c_format;
          fuzzy = c_format = FALSE;
          in_msgstr = FALSE;
          g_ptr_array_add (entries, entry);
        }
      g_assert_nonnull (entry);

      if (g_str_has_prefix (line, "msgctxt "))
        field = &entry->context;
      else if (g_str_has_prefix (line, "msgid_plural "))
        field = &entry->english[1];
      else if (g_str_has_prefix (line, "msgid "))
        field = &entry->english[0];
      else if (g_str_has_prefix (line, "msgstr[1]"))
        field = &entry->german[1];
      else if (g_str_has_prefix (line, "msgstr"))
        field = &entry->german[0];
      else
        g_error ("%s:%u: cannot read “%s”", path, i + 1, line);

      in_msgstr = g_str_has_prefix (line, "msgstr");
      append_to (field, line);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      PoEntry *one = entries->pdata[i];

      one->date = one->date && one->english[0] != NULL && strchr (one->english[0], '%') != NULL;
    }

  /* The header. */
  if (entries->len > 0 && *((PoEntry *) entries->pdata[0])->english[0] == '\0')
    g_ptr_array_remove_index (entries, 0);

  return entries;
}

/* Where a placeholder starts at @p ('%'): its length, or 0 for "%%".
 * printf's conversions (positional, flags, width, precision, length,
 * and xgettext's <PRId64>) and g_date_time_format()'s directives
 * (%a, %-d, %_H, %e, %:z …) are all a '%' and a run up to a letter. */
static gsize
placeholder_length (const char *p)
{
  const char *q = p + 1;

  if (*q == '%')
    return 0;
  while (*q != '\0' && strchr ("0123456789$-+ #'I_^:.", *q) != NULL)
    q++;
  if (*q == '<')
    {
      const char *end = strchr (q, '>');
      return end != NULL ? (gsize) (end - p + 1) : (gsize) (q - p);
    }
  /* Length modifiers, unless the letter is the conversion itself (%l is
   * the 12-hour clock in g_date_time_format()). */
  while (*q != '\0' && strchr ("hlLqjzt", *q) != NULL && g_ascii_isalpha (q[1]))
    q++;
  if (g_ascii_isalpha (*q))
    q++;

  return q - p;
}

/* Text without Pango markup, when it is markup. */
static char *
without_markup (const char *text)
{
  char *plain = NULL;

  if (strchr (text, '<') == NULL && strchr (text, '&') == NULL)
    return g_strdup (text);
  if (pango_parse_markup (text, -1, 0, NULL, &plain, NULL, NULL))
    return plain;

  return g_strdup (text);
}

/* The regular expression of one English form, and the longest run of
 * plain words in it (what a string must contain to be worth matching).
 * NULL when the form has no word of two letters or more: "%s (%s)" or
 * "%H:%M" would match anything. */
/* The names the locale gives months and days, as alternatives. */
static char *date_names[4];     /* %b, %B, %a, %A */

static void
init_date_names (void)
{
  static const char *formats[] = { "%b", "%B", "%a", "%A" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GString) names = g_string_new ("(?:");
      guint n = f < 2 ? 12 : 7;

      for (guint i = 0; i < n; i++)
        {
          /* The months of 2026, and the days of 16 to 22 November. */
          g_autoptr(GDateTime) day = f < 2 ? g_date_time_new_local (2026, i + 1, 15, 12, 0, 0)
                                           : g_date_time_new_local (2026, 11, 16 + i, 12, 0, 0);
          g_autofree char *name = g_date_time_format (day, formats[f]);
          g_autofree char *escaped = g_regex_escape_string (name, -1);

          g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", escaped);
        }
      g_string_append (names, ")");
      date_names[f] = g_string_free (g_steal_pointer (&names), FALSE);
    }
}

/* What one g_date_time_format() directive writes, as a regular
 * expression: the locale's names, or so many digits. */
static const char *
date_directive (const char *p,
                gsize       n,
                gboolean   *named)
{
  char conversion = p[n - 1];
  gboolean unpadded = strchr (p, '-') != NULL && strchr (p, '-') < p + n;
  gboolean spaced = strchr (p, '_') != NULL && strchr (p, '_') < p + n;

  *named = FALSE;
  switch (conversion)
    {
    case 'b': case 'h': *named = TRUE; return date_names[0];
    case 'B': *named = TRUE; return date_names[1];
    case 'a': *named = TRUE; return date_names[2];
    case 'A': *named = TRUE; return date_names[3];
    case 'd': case 'H': case 'M': case 'S': case 'm': case 'y': case 'I':
      return unpadded ? "\\d{1,2}" : spaced ? " ?\\d{1,2}" : "\\d{2}";
    case 'e': case 'k': case 'l':
      return unpadded ? "\\d{1,2}" : " ?\\d{1,2}";
    case 'Y': case 'G':
      return "\\d{4}";
    case 'V': case 'u': case 'j':
      return "\\d{1,3}";
    default:
      return ".*?";
    }
}

static gboolean
pattern_of (const char *english,
            gboolean    date,
            Pattern    *out)
{
  g_autofree char *plain = without_markup (english);
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_autoptr(GString) run = g_string_new (NULL);
  g_autofree char *longest = g_strdup ("");
  gboolean has_word = FALSE;
  guint n_named = 0;
  guint n_directives = 0;
  guint letters = 0;
  guint weight = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *within = NULL;
  g_autofree char *whole = NULL;

  for (const char *p = plain; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      gsize n;

      if (c == '%' && (n = placeholder_length (p)) > 0)
        {
          gboolean named = FALSE;

          g_string_append (pattern, date ? date_directive (p, n, &named) : ".*?");
          n_named += named;
          n_directives++;
          p += n;
          c = 0;
        }
      else if (c == '%')
        {
          g_string_append (pattern, "%");
          p += 2;
        }
      else if (c == '_')
        {
          /* A mnemonic, or a real underscore (CSV column names). */
          g_string_append (pattern, "_?");
          p++;
          c = 0;
        }
      else if (g_unichar_isspace (c))
        {
          g_string_append (pattern, "\\s+");
          while (g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
        }
      else if (pattern->len == 0 && g_unichar_isalpha (c))
        {
          /* A message may start a sentence elsewhere: the clock's
           * "recovered in %s" is "Recovered in 3 h" on the case. */
          g_string_append (pattern, "[");
          g_string_append_unichar (pattern, g_unichar_tolower (c));
          g_string_append_unichar (pattern, g_unichar_totitle (c));
          g_string_append (pattern, "]");
          p = g_utf8_next_char (p);
        }
      else
        {
          g_autofree char *one = g_strndup (p, g_utf8_next_char (p) - p);
          g_autofree char *escaped = g_regex_escape_string (one, -1);

          g_string_append (pattern, escaped);
          p = g_utf8_next_char (p);
        }

      /* The literal runs: letters and the spaces between them. */
      if (c != 0 && (g_unichar_isalpha (c) || (c == ' ' && run->len > 0)))
        {
          g_string_append_unichar (run, c);
          if (g_unichar_isalpha (c))
            {
              letters++;
              weight++;
              has_word = has_word || letters >= 2;
            }
        }
      else
        {
          g_strchomp (run->str);
          run->len = strlen (run->str);
          if (run->len > strlen (longest))
            {
              g_free (longest);
              longest = g_strdup (run->str);
            }
          g_string_truncate (run, 0);
        }
      if (c == 0 || !g_unichar_isalpha (c))
        letters = 0;
    }
  g_strchomp (run->str);
  run->len = strlen (run->str);
  if (run->len > strlen (longest))
    {
      g_free (longest);
      longest = g_strdup (run->str);
    }

  /* A date is known by a name of the locale's, or by three numbers
   * ("%H:%M" alone could be anything). */
  if (!has_word && !(date && (n_named > 0 || n_directives >= 3)))
    return FALSE;

  within = g_strdup_printf ("(?<![\\p{L}\\p{N}])%s(?![\\p{L}\\p{N}])", pattern->str);
  whole = g_strdup_printf ("^(?:%s)$", pattern->str);
  out->within = g_regex_new (within, G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, &error);
  g_assert_no_error (error);
  out->whole = g_regex_new (whole, G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, &error);
  g_assert_no_error (error);
  out->literal = g_utf8_strdown (longest, -1);
  out->weight = weight;
  out->placeholders = n_directives > 0;

  return TRUE;
}

typedef struct
{
  GPtrArray  *entries;        /* of the pot, with de.po's msgstr */
  GHashTable *seen;           /* text -> GPtrArray of where */
  GPtrArray  *order;          /* the texts in the order seen */
  GHashTable *stop_words;
  GPtrArray  *strip;          /* GRegex: what is taken out first */
  GPtrArray  *german;         /* GRegex: the whole of each msgstr */
} Checker;

static Checker checker;

static char *
entry_key (const char *context,
           const char *english)
{
  return g_strconcat (context != NULL ? context : "", "\004", english, NULL);
}

/* Common English words that are not German words as well ("in", "was",
 * "will", "also", "die", "man", "hat", "fix", "not", "Status", "Team",
 * "Filter", "Export", "Pause", "Person", "Mine" are; they are left out). */
static const char *stop_words[] = {
  "the", "and", "of", "to", "with", "without", "for", "from", "by", "on",
  "at", "this", "that", "these", "is", "are", "be", "been", "has", "have",
  "or", "yet", "here", "there", "what", "who", "when", "how", "why",
  "you", "your", "please", "could", "cannot", "can't", "don't", "any",
  "some", "more", "less", "than", "per", "into", "after", "before",
  "case", "cases", "due", "open", "opened", "overdue", "closed",
  "recovered", "recovery", "story", "stories", "staff", "customer",
  "customers", "owner", "owners", "save", "cancel", "new", "add",
  "delete", "remove", "edit", "search", "sort", "show", "hide",
  "yesterday", "today", "tomorrow", "week", "weeks", "month", "months",
  "year", "years", "hour", "hours", "minutes", "day", "days", "ago",
  "left", "nobody", "everyone", "unknown", "reason", "paused", "resume",
  "clock", "hero", "heroes", "trash", "restore", "breakdown",
  "breakdowns", "reaction", "satisfied", "unhappy", "blown", "away",
  "severity", "minor", "moderate", "channel", "phone", "survey",
  "lesson", "lessons", "learned", "cause", "follow", "summary",
  "measures", "board", "preferences", "settings", "help", "about",
  "quit", "keyboard", "shortcuts", "surprise", "history", "time", "date",
  "notes", "undo", "print", "close", "back", "next", "previous",
  "select", "selected", "average", "room", "guest", "guests", "file",
  "database", "write", "written", "read", "change", "changed", "first",
  "last", "newest", "oldest", "urgent", "most", "all", "none",
  "people", "who's", "it's", "target", "targets", "within", "reminder",
  "reminders", "attachment", "attachments", "playbook", "playbooks",
  "record", "training", "told", "drafted", "dismissed", "candidates",
  "desk", "front", "shift", "business", "hours", "cost", "spend",
  "currency", "team's", "owned", "unowned", "took", "ownership",
};

static void
checker_init (void)
{
  g_autoptr(GPtrArray) german = read_po (AMENDS_DE_PO);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char *strip[] = {
    /* Case references, such as C-2026-00001. */
    "\\b[A-Z]{1,3}-\\d{4}-\\d+\\b",
    /* Options of the command line, such as --weekly-summary=WOCHE. */
    "(?<![\\p{L}\\p{N}])--?[a-z][a-z0-9-]*(=\\S*)?",
  };

  init_date_names ();
  checker.entries = read_po (AMENDS_TEST_POT);
  g_assert_cmpuint (checker.entries->len, >, 100);
  for (guint i = 0; i < german->len; i++)
    {
      PoEntry *entry = german->pdata[i];
      g_hash_table_insert (by_key, entry_key (entry->context, entry->english[0]), entry);
    }

  for (guint i = 0; i < checker.entries->len; i++)
    {
      PoEntry *entry = checker.entries->pdata[i];
      g_autofree char *key = entry_key (entry->context, entry->english[0]);
      PoEntry *translated = g_hash_table_lookup (by_key, key);

      /* The pot's own msgstr are empty. */
      g_clear_pointer (&entry->german[0], g_free);
      g_clear_pointer (&entry->german[1], g_free);
      if (translated != NULL && !translated->fuzzy)
        for (guint f = 0; f < 2; f++)
          if (translated->german[f] != NULL && *translated->german[f] != '\0')
            entry->german[f] = g_strdup (translated->german[f]);

      for (guint f = 0; f < 2; f++)
        if (entry->english[f] != NULL)
          pattern_of (entry->english[f], entry->date, &entry->patterns[f]);
    }

  /* A German text may be an English word too ("Person", "Status"): what
   * is wholly the German of some message is German. */
  checker.german = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  for (guint i = 0; i < checker.entries->len; i++)
    {
      PoEntry *entry = checker.entries->pdata[i];

      for (guint f = 0; f < 2; f++)
        {
          Pattern translated = { NULL, };

          if (entry->german[f] == NULL || !pattern_of (entry->german[f], entry->date, &translated))
            continue;
          g_ptr_array_add (checker.german, g_regex_ref (translated.whole));
          pattern_clear (&translated);
        }
    }

  checker.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  checker.order = g_ptr_array_new ();
  checker.stop_words = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    g_hash_table_add (checker.stop_words, (gpointer) stop_words[i]);

  checker.strip = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  for (guint i = 0; i < G_N_ELEMENTS (strip); i++)
    g_ptr_array_add (checker.strip, g_regex_new (strip[i], G_REGEX_OPTIMIZE, 0, NULL));
  /* Paths the test made, in the temporary folder. */
  {
    g_autofree char *escaped = g_regex_escape_string (g_get_tmp_dir (), -1);
    g_autofree char *paths = g_strdup_printf ("%s\\S*", escaped);

    g_ptr_array_add (checker.strip, g_regex_new (paths, G_REGEX_OPTIMIZE, 0, NULL));
  }
  for (guint i = 0; i < G_N_ELEMENTS (test_data); i++)
    {
      g_autofree char *escaped = g_regex_escape_string (test_data[i], -1);
      g_autofree char *whole = g_strdup_printf ("(?<![\\p{L}\\p{N}])%s(?![\\p{L}\\p{N}])", escaped);
      g_ptr_array_add (checker.strip, g_regex_new (whole, G_REGEX_OPTIMIZE, 0, NULL));
    }
}

static char *
without_underscores (const char *text)
{
  char *plain = g_strdup (text);
  char *underscore;

  while ((underscore = strchr (plain, '_')) != NULL)
    memmove (underscore, underscore + 1, strlen (underscore));

  return plain;
}

/* Whether the German of @entry is missing, or not the English: a string
 * that matches its English is then English on the screen.  When the
 * translator kept the English ("Status", "Team", "Amends"), it is not. */
static const char *
entry_fault (PoEntry *entry)
{
  gboolean same = TRUE;

  for (guint f = 0; f < 2; f++)
    {
      if (entry->english[f] == NULL)
        continue;
      if (entry->german[f] == NULL)
        return UNTRANSLATED;
      /* "_Person" is "P_erson" in German: the same word. */
      {
        g_autofree char *german = without_underscores (entry->german[f]);
        g_autofree char *english = without_underscores (entry->english[f]);

        same = same && g_str_equal (german, english);
      }
    }

  return same ? NULL : "translated in po/de.po, but shown in English";
}

/* Records @text as seen @where (both copied). */
static void
see (const char *text,
     const char *where)
{
  GPtrArray *wheres;
  g_autofree char *plain = NULL;

  if (text == NULL)
    return;
  plain = without_markup (text);
  g_strstrip (plain);
  if (*plain == '\0')
    return;

  wheres = g_hash_table_lookup (checker.seen, plain);
  if (wheres == NULL)
    {
      char *key = g_strdup (plain);

      wheres = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (checker.seen, key, wheres);
      g_ptr_array_add (checker.order, key);
    }
  for (guint i = 0; i < wheres->len; i++)
    if (g_str_equal (wheres->pdata[i], where))
      return;
  g_ptr_array_add (wheres, g_strdup (where));
}

/* @text without the test's own data, references, options and paths:
 * each becomes "…", which a placeholder of a message matches. */
static char *
stripped (const char *text)
{
  char *result = g_strdup (text);

  for (guint i = 0; i < checker.strip->len; i++)
    {
      char *next = g_regex_replace_literal (checker.strip->pdata[i], result, -1, 0, "…", 0, NULL);

      if (next != NULL)
        {
          g_free (result);
          result = next;
        }
    }

  return result;
}

typedef struct
{
  PoEntry    *entry;
  const char *fault;
  const char *literal;
  gsize       weight;
} Match;

/* Whether @a explains a text better than @b: a msgid left untranslated
 * is likelier than one that is translated and not used, then the one
 * with more words. */
static gboolean
better (const Match *a,
        const Match *b)
{
  gboolean a_untranslated = g_str_equal (a->fault, UNTRANSLATED);
  gboolean b_untranslated = b->entry != NULL && g_str_equal (b->fault, UNTRANSLATED);

  if (b->entry == NULL)
    return TRUE;
  if (a_untranslated != b_untranslated)
    return a_untranslated;
  return a->weight > b->weight;
}

static char *
describe (const Match *match,
          gboolean     contains)
{
  return g_strdup_printf ("%smsgid “%s”%s%s%s: %s",
                          contains ? "contains " : "",
                          match->entry->english[0],
                          match->entry->context != NULL ? " (msgctxt “" : "",
                          match->entry->context != NULL ? match->entry->context : "",
                          match->entry->context != NULL ? "”)" : "",
                          match->fault);
}

/* The fault of @text, or NULL.
 *
 * (a) The text is the English of a msgid that de.po leaves English: the
 * whole text, or a phrase inside it (two words or more, a word with a
 * placeholder, a date), as when sentences are put together; (b) it
 * matches no such msgid but has English words.  A one-word msgid ("to",
 * "open") inside a longer text is only named when it is one of those
 * English words: on its own it would say more than it knows. */
static char *
check_text (const char *text)
{
  g_autofree char *rest = g_strstrip (stripped (text));
  g_autofree char *lower_rest = g_utf8_strdown (rest, -1);
  Match best[3] = { { NULL, }, };   /* the whole text, a phrase, a word */
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GRegex) word = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const Match *found = NULL;
  gboolean word_is_english = FALSE;

  for (guint i = 0; i < checker.entries->len; i++)
    {
      PoEntry *entry = checker.entries->pdata[i];
      const char *fault = entry_fault (entry);

      if (fault == NULL)
        continue;
      for (guint f = 0; f < 2; f++)
        {
          Pattern *pattern = &entry->patterns[f];
          Match candidate = { entry, fault, pattern->literal, pattern->weight };
          guint kind;

          if (pattern->within == NULL ||
              strstr (lower_rest, pattern->literal) == NULL ||
              !g_regex_match (pattern->within, rest, 0, NULL))
            continue;
          if (g_regex_match (pattern->whole, rest, 0, NULL))
            kind = 0;
          else if (strchr (pattern->literal, ' ') != NULL || entry->date ||
                   (pattern->placeholders && strlen (pattern->literal) >= 4))
            kind = 1;
          else
            kind = 2;
          if (better (&candidate, &best[kind]))
            best[kind] = candidate;
        }
    }

  /* What is wholly the German of a message is German. */
  for (guint i = 0; i < checker.german->len && best[0].entry != NULL; i++)
    if (g_regex_match (checker.german->pdata[i], rest, 0, NULL))
      memset (best, 0, sizeof best);

  word = g_regex_new ("\\p{L}[\\p{L}'’]*", 0, 0, NULL);
  g_regex_match (word, rest, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *one = g_match_info_fetch (match, 0);
      g_autofree char *lower = g_utf8_strdown (one, -1);

      if (g_hash_table_contains (checker.stop_words, lower))
        {
          g_string_append_printf (words, "%s“%s”", words->len > 0 ? ", " : "", one);
          if (best[2].entry != NULL && g_ascii_strcasecmp (one, best[2].literal) == 0)
            word_is_english = TRUE;
        }
      g_match_info_next (match, NULL);
    }

  /* The whole text, else a phrase; but a msgid that is translated and
   * not used only when no untranslated one explains the text. */
  found = best[0].entry != NULL ? &best[0] : best[1].entry != NULL ? &best[1] : NULL;
  if (found != NULL && !g_str_equal (found->fault, UNTRANSLATED))
    for (guint kind = 0; kind < 3; kind++)
      if (best[kind].entry != NULL && g_str_equal (best[kind].fault, UNTRANSLATED) &&
          (kind < 2 || word_is_english))
        {
          found = &best[kind];
          break;
        }
  if (found == NULL && word_is_english)
    found = &best[2];

  if (found != NULL)
    return describe (found, found != &best[0]);
  if (words->len > 0)
    return g_strdup_printf ("English not from the pot: %s", words->str);

  return NULL;
}

/* Checks everything seen so far; fails the test with the list. */
static void
assert_all_german (const char *what)
{
  guint n_offenders = 0;

  for (guint i = 0; i < checker.order->len; i++)
    {
      const char *text = checker.order->pdata[i];
      GPtrArray *wheres = g_hash_table_lookup (checker.seen, text);
      g_autofree char *fault = check_text (text);
      g_autoptr(GString) places = g_string_new (NULL);

      if (fault == NULL)
        continue;
      for (guint w = 0; w < wheres->len && w < 3; w++)
        g_string_append_printf (places, "%s%s", w > 0 ? "; " : "", (char *) wheres->pdata[w]);
      if (wheres->len > 3)
        g_string_append_printf (places, "; and %u more places", wheres->len - 3);
      g_test_message ("ENGLISH “%s”\n#   %s\n#   seen: %s", text, fault, places->str);
      n_offenders++;
    }
  g_test_message ("%s: %u strings checked, %u in English", what, checker.order->len, n_offenders);

  if (n_offenders > 0)
    g_test_fail_printf ("%s: %u of %u strings are in English (listed above)",
                        what, n_offenders, checker.order->len);

  g_hash_table_remove_all (checker.seen);
  g_ptr_array_set_size (checker.order, 0);
}

/* ------------------------------------------------------------------ */
/* What is on the screen                                               */

/* "GtkLabel#title in AmendsCaseEditor": the widget and the nearest of
 * ours around it. */
static char *
place_of (GtkWidget *widget)
{
  const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;
  const char *owner = NULL;

  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL && owner == NULL; up = gtk_widget_get_parent (up))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (up), "Amends") || GTK_IS_NATIVE (up))
      owner = G_OBJECT_TYPE_NAME (up);

  return g_strdup_printf ("%s%s%s%s%s", G_OBJECT_TYPE_NAME (widget),
                          id != NULL ? "#" : "", id != NULL ? id : "",
                          owner != NULL ? " in " : "", owner != NULL ? owner : "");
}

static void
see_at (const char *text,
        const char *visit,
        const char *place,
        const char *what)
{
  g_autofree char *where = g_strdup_printf ("%s › %s (%s)", visit, place, what);

  see (text, where);
}

static void
see_menu (GMenuModel *menu,
          const char *visit,
          const char *place)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          /* A menu's label keeps its mnemonic. */
          g_autofree char *plain = without_underscores (label);

          see_at (plain, visit, place, "menu item");
        }
      if (section != NULL)
        see_menu (section, visit, place);
      if (submenu != NULL)
        see_menu (submenu, visit, place);
    }
}

/* The accessible label or description, when the widget has one of its
 * own: gtk_test_accessible_check_property() gives the value it holds
 * when it is not the one asked for (GTK 4.8 has no getter). */
static char *
accessible_text (GtkWidget             *widget,
                 GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;

  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\001");
}

static void
collect_widget (GtkWidget  *widget,
                const char *visit)
{
  static const char *properties[] = {
    "title", "subtitle", "description", "label", "placeholder-text", "tooltip-text",
  };
  g_autofree char *place = NULL;

  if (!gtk_widget_get_mapped (widget))
    return;
  place = place_of (widget);

  if (GTK_IS_LABEL (widget))
    see_at (gtk_label_get_text (GTK_LABEL (widget)), visit, place, "text");
  else if (GTK_IS_INSCRIPTION (widget))
    see_at (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), visit, place, "text");
  else if (GTK_IS_TEXT (widget))
    /* What Amends writes into an entry ("now" in the intake). */
    see_at (gtk_editable_get_text (GTK_EDITABLE (widget)), visit, place, "entry text");
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      see_at (text, visit, place, "text");
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
      {
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), properties[i]);
        g_autofree char *value = NULL;

        if (pspec == NULL || pspec->value_type != G_TYPE_STRING || !(pspec->flags & G_PARAM_READABLE))
          continue;
        g_object_get (widget, properties[i], &value, NULL);
        see_at (value, visit, place, properties[i]);
      }
  if (GTK_IS_LABEL (widget))
    see_at (gtk_widget_get_tooltip_text (widget), visit, place, "tooltip-text");

  {
    g_autofree char *label = accessible_text (widget, GTK_ACCESSIBLE_PROPERTY_LABEL);
    g_autofree char *description = accessible_text (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

    see_at (label, visit, place, "accessible label");
    see_at (description, visit, place, "accessible description");
  }

  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    see_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), visit, place);
  if (GTK_IS_POPOVER_MENU (widget) && gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (widget)) != NULL)
    see_menu (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (widget)), visit, place);

  if (ADW_IS_VIEW_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (ADW_VIEW_STACK (widget));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
          see_at (adw_view_stack_page_get_title (page), visit, place, "page title");
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widget (child, visit);
}

/* Everything on every window that is shown, with what is open on it. */
static void
collect (const char *visit)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  amends_ui_test_drain ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
        continue;
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      amends_ui_test_drain ();
      see_at (gtk_window_get_title (window), visit, G_OBJECT_TYPE_NAME (window), "window title");
      collect_widget (GTK_WIDGET (window), visit);
    }
}

/* ------------------------------------------------------------------ */
/* A database with a case in every state                               */

typedef struct
{
  gint64 ada_id;
  gint64 bilal_id;
  gint64 case_ids[5];   /* open, overdue, in recovery, recovered, closed */
} Data;

static gint64
add_staff (AmendsStore     *store,
           const char      *name,
           AmendsStaffRole  role)
{
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (staff, "name", name, "team", "Empfang", "role", role, NULL);
  amends_store_insert (store, AMENDS_RECORD (staff), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (staff));
}

static AmendsCase *
add_case (AmendsStore *store,
          const char  *summary,
          GDateTime   *occurred_at,
          const char  *first_property,
          ...)
{
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  g_object_set (kase, "summary", summary, "occurred-at", occurred_at, NULL);
  va_start (args, first_property);
  if (first_property != NULL)
    g_object_set_valist (G_OBJECT (kase), first_property, args);
  va_end (args);
  amends_store_insert (store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return g_steal_pointer (&kase);
}

static void
populate (AmendsStore *store,
          GDateTime   *now,
          Data        *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCustomer) customer = amends_customer_new ();
  g_autoptr(GDateTime) two_hours_ago = g_date_time_add_hours (now, -2);
  g_autoptr(GDateTime) yesterday = g_date_time_add_hours (now, -30);
  g_autoptr(GDateTime) this_morning = g_date_time_add_hours (now, -5);
  g_autoptr(GDateTime) recovered_from = g_date_time_add_hours (now, -4);
  g_autoptr(GDateTime) recovered_at = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) monday = g_date_time_add_hours (now, -48);
  g_autoptr(AmendsCase) open = NULL;
  g_autoptr(AmendsCase) overdue = NULL;
  g_autoptr(AmendsCase) in_recovery = NULL;
  g_autoptr(AmendsCase) recovered = NULL;
  g_autoptr(AmendsCase) closed = NULL;
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(AmendsAction) action = NULL;
  gint64 heroes[2];

  data->ada_id = add_staff (store, "Ada Moreau", AMENDS_STAFF_ROLE_MANAGER);
  data->bilal_id = add_staff (store, "Bilal Okafor", AMENDS_STAFF_ROLE_FRONT_DESK);
  add_staff (store, "Clara Wendt", AMENDS_STAFF_ROLE_FRONT_DESK);
  amends_store_set_actor_id (store, data->ada_id);

  g_object_set (customer, "name", "Familie Schneider",
                "notes", "Stammgäste, möchten ein ruhiges Zimmer zum Hof", NULL);
  amends_store_insert (store, AMENDS_RECORD (customer), &error);
  g_assert_no_error (error);

  open = add_case (store, "Zimmer 214 beim Einchecken nicht gereinigt", two_hours_ago,
                   "customer-id", amends_record_get_id (AMENDS_RECORD (customer)),
                   "owner-id", data->ada_id, "category", "Reinigung", "room", "214",
                   "severity", AMENDS_SEVERITY_MODERATE, NULL);
  action = amends_store_add_action (store, amends_record_get_id (AMENDS_RECORD (open)),
                                    AMENDS_ACTION_KIND_NOTE, "Gast hat an der Rezeption angerufen", &error);
  g_assert_no_error (error);
  overdue = add_case (store, "Frühstücksbestellung für Zimmer 108 vergessen", yesterday,
                      "owner-id", data->bilal_id, "category", "Küche", "room", "108", NULL);
  in_recovery = add_case (store, "Heizung in Zimmer 305 ausgefallen", this_morning,
                          "owner-id", data->bilal_id, "category", "Technik", "room", "305",
                          "status", AMENDS_CASE_STATUS_IN_RECOVERY,
                          "fix", "Zimmer 412 mit Blick auf den See angeboten", NULL);
  recovered = add_case (store, "Hochzeitsnacht neben einer lauten Baustelle", recovered_from,
                        "customer-id", amends_record_get_id (AMENDS_RECORD (customer)),
                        "owner-id", data->ada_id, "status", AMENDS_CASE_STATUS_RECOVERED,
                        "recovered-at", recovered_at,
                        "fix", "Ins ruhige Zimmer 501 umgezogen",
                        "surprise", "Eine Flasche Sekt und ein Brief der Direktion",
                        "reaction", AMENDS_REACTION_BLOWN_AWAY, NULL);
  closed = add_case (store, "Rechnung doppelt abgebucht", monday, "owner-id", data->ada_id, NULL);
  g_assert_true (amends_store_close_case (store, closed, AMENDS_CLOSE_REASON_NOT_A_BREAKDOWN, &error));
  g_assert_no_error (error);

  /* The recovered case's story, told, with two heroes. */
  story = amends_store_propose_story (store, amends_record_get_id (AMENDS_RECORD (recovered)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);
  heroes[0] = data->ada_id;
  heroes[1] = data->bilal_id;
  g_assert_true (amends_store_set_story_heroes (store, amends_record_get_id (AMENDS_RECORD (story)),
                                                heroes, G_N_ELEMENTS (heroes), &error));
  g_assert_true (amends_store_move_story (store, story, AMENDS_STORY_STAGE_TOLD, &error));
  g_assert_no_error (error);

  data->case_ids[0] = amends_record_get_id (AMENDS_RECORD (open));
  data->case_ids[1] = amends_record_get_id (AMENDS_RECORD (overdue));
  data->case_ids[2] = amends_record_get_id (AMENDS_RECORD (in_recovery));
  data->case_ids[3] = amends_record_get_id (AMENDS_RECORD (recovered));
  data->case_ids[4] = amends_record_get_id (AMENDS_RECORD (closed));
  amends_store_set_actor_id (store, 0);
}

/* ------------------------------------------------------------------ */
/* The screens                                                         */

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static GtkWidget *
child_of (gpointer    widget,
          const char *id,
          GType       type)
{
  GtkWidget *child = amends_ui_test_find_child (GTK_WIDGET (widget), id, type);

  g_assert_nonnull (child);
  return child;
}

static void
show_case (AmendsWindow *window,
           gint64        case_id)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-case", "x", case_id);
  amends_ui_test_wait_for_cases (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  amends_ui_test_drain ();
}

/* Opens @button's popover, collects, and closes it again. */
static void
collect_popover (GtkWidget  *button,
                 const char *visit)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  amends_ui_test_drain ();
  collect (visit);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  amends_ui_test_drain ();
}

static gboolean
board_read (gpointer page)
{
  return !amends_board_view_is_busy (AMENDS_BOARD_VIEW (amends_board_page_get_board_view (page)));
}

static gboolean
heroes_read (gpointer heroes)
{
  return !amends_heroes_panel_is_busy (heroes);
}

static gboolean
measures_read (gpointer view)
{
  return amends_measures_view_get_up_to_date (view);
}

static gboolean
history_read (gpointer history)
{
  return !amends_case_history_get_busy (history);
}

static gboolean
record_read (gpointer record)
{
  return !amends_staff_record_is_busy (record);
}

static void
destroy_toplevel (GType type)
{
  GtkWindow *window = find_toplevel (type);

  g_assert_nonnull (window);
  gtk_window_destroy (window);
  amends_ui_test_drain ();
}

static void
visit_cases (AmendsWindow *window,
             Data         *data)
{
  static const char *states[] = { "open", "overdue", "in recovery", "recovered, with a story", "closed" };
  g_autofree char *png = g_build_filename (amends_ui_test_screenshot_dir (), "german-cases.png", NULL);
  GtkWidget *filter_bar;

  collect ("Cases");
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *visit = g_strdup_printf ("Cases, the %s case open", states[i]);

      show_case (window, data->case_ids[i]);
      collect (visit);
    }

  /* The open case with its customer, timeline and stay, for people to
   * look at. */
  show_case (window, data->case_ids[0]);
  amends_ui_test_save_png (GTK_WIDGET (window), png);

  filter_bar = child_of (window, NULL, g_type_from_name ("AmendsCaseFilterBar"));
  collect_popover (child_of (filter_bar, "filter_button", GTK_TYPE_MENU_BUTTON), "Cases, the filter popover");
  collect_popover (child_of (filter_bar, "sort_button", GTK_TYPE_MENU_BUTTON), "Cases, the sort popover");
  collect_popover (child_of (window, "primary_menu_button", GTK_TYPE_MENU_BUTTON), "The primary menu");
}

static void
visit_board_and_measures (AmendsWindow *window)
{
  GtkWidget *page = child_of (window, "board_page", g_type_from_name ("AmendsBoardPage"));
  GtkWidget *heroes_button = child_of (page, "heroes_button", GTK_TYPE_TOGGLE_BUTTON);
  GtkWidget *measures = child_of (window, "measures_view", g_type_from_name ("AmendsMeasuresView"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board");
  amends_ui_test_wait_until (board_read, page);
  collect ("Board");

  /* The heroes, beside the board or folded behind their button. */
  if (gtk_widget_get_visible (heroes_button))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (heroes_button), TRUE);
  amends_ui_test_wait_until (heroes_read, child_of (page, "heroes_panel", g_type_from_name ("AmendsHeroesPanel")));
  collect ("Board, the heroes");

  /* A story in the editor, and the staff-room screen. */
  gtk_widget_activate_action (child_of (page, NULL, g_type_from_name ("AmendsStoryCard")), "card.edit", NULL);
  amends_ui_test_drain ();
  collect ("The story editor");
  destroy_toplevel (g_type_from_name ("AmendsStoryEditor"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.staff-room", NULL);
  amends_ui_test_drain ();
  collect ("The staff-room screen");
  destroy_toplevel (g_type_from_name ("AmendsStaffRoom"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "measures");
  amends_ui_test_wait_until (measures_read, measures);
  collect ("Measures");
  collect_popover (child_of (measures, "range_button", GTK_TYPE_MENU_BUTTON), "Measures, the range popover");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "cases");
  amends_ui_test_drain ();
}

static void
collect_pages (GtkWidget             *widget,
               AdwPreferencesWindow  *preferences)
{
  /* The window's own pages: those in its view stack (a page may hold
   * another inside, shown as a subpage). */
  if (ADW_IS_PREFERENCES_PAGE (widget) && ADW_IS_VIEW_STACK (gtk_widget_get_parent (widget)))
    {
      g_autofree char *visit = g_strdup_printf ("Preferences, the page “%s”",
                                                adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (widget)));

      adw_preferences_window_set_visible_page (preferences, ADW_PREFERENCES_PAGE (widget));
      amends_ui_test_drain ();
      collect (visit);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_pages (child, preferences);
}

/* The shortcuts window (win.show-help-overlay) as GtkApplication loads
 * it, every section: shown under Xvfb, GTK 4.8's own GtkShortcutsWindow
 * warns that a label "reported min width -3", which is not ours. */
static void
collect_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_nonnull (overlay);
  see_at (gtk_window_get_title (overlay), "The shortcuts window", "GtkShortcutsWindow", "window title");
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      static const char *properties[] = { "title", "subtitle", "section-name" };

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data) && !GTK_IS_SHORTCUTS_GROUP (l->data) &&
          !GTK_IS_SHORTCUTS_SECTION (l->data))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
        {
          g_autofree char *value = NULL;
          g_autofree char *place = NULL;

          if (g_str_equal (properties[i], "section-name") ||
              g_object_class_find_property (G_OBJECT_GET_CLASS (l->data), properties[i]) == NULL)
            continue;
          g_object_get (l->data, properties[i], &value, NULL);
          place = g_strdup (G_OBJECT_TYPE_NAME (l->data));
          see_at (value, "The shortcuts window", place, properties[i]);
        }
    }
  gtk_window_destroy (overlay);
}

static void
visit_dialogs (AmendsWindow *window,
               AmendsStore  *store,
               Data         *data)
{
  GtkWindow *preferences;
  GtkWindow *history;
  AmendsStaffRecordWindow *record;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  amends_ui_test_drain ();
  preferences = find_toplevel (AMENDS_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preferences));
  collect_pages (GTK_WIDGET (preferences), ADW_PREFERENCES_WINDOW (preferences));
  gtk_window_destroy (preferences);
  amends_ui_test_drain ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  amends_ui_test_drain ();
  collect ("About Amends");
  destroy_toplevel (ADW_TYPE_ABOUT_WINDOW);

  record = amends_staff_record_new (GTK_WINDOW (window), store, data->ada_id);
  gtk_window_present (GTK_WINDOW (record));
  amends_ui_test_wait_until (record_read, record);
  collect ("The staff record of Ada Moreau");
  gtk_window_destroy (GTK_WINDOW (record));
  amends_ui_test_drain ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL);
  amends_ui_test_drain ();
  collect ("The intake dialog");
  destroy_toplevel (g_type_from_name ("AmendsIntakeDialog"));

  collect_shortcuts ();

  show_case (window, data->case_ids[3]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.case-history", NULL);
  amends_ui_test_drain ();
  history = find_toplevel (AMENDS_TYPE_CASE_HISTORY);
  g_assert_nonnull (history);
  amends_ui_test_wait_until (history_read, history);
  collect ("The History window");
  gtk_window_destroy (history);
  amends_ui_test_drain ();
}

static void
visit_narrow (AmendsWindow *window,
              Data         *data)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  amends_ui_test_drain ();
  collect ("Narrow window, the list");
  show_case (window, data->case_ids[1]);
  collect ("Narrow window, a case open");
}

static void
test_german_screens (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amends-ui-german-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "amends.db", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GDateTime) now = amends_test_time ("2026-11-18T10:00:00Z");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(AmendsStore) empty_store = NULL;
  AmendsWindow *window;
  AmendsWindow *empty_window;
  Data data;

  g_assert_no_error (error);
  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (store, now);
  populate (store, now, &data);
  g_settings_set_string (settings, "organisation-name", "Hotel Sonnenhof");
  amends_application_set_store (app, store);

  window = amends_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  amends_ui_test_wait_for_cases (GTK_WIDGET (window));

  visit_cases (window, &data);
  visit_board_and_measures (window);
  visit_dialogs (window, store, &data);
  visit_narrow (window, &data);
  gtk_window_destroy (GTK_WINDOW (window));
  amends_ui_test_drain ();

  /* A new database: the window's empty state. */
  empty_store = amends_store_open (empty_path, &error);
  g_assert_no_error (error);
  amends_application_set_store (app, empty_store);
  empty_window = amends_window_new (GTK_APPLICATION (app), empty_store);
  gtk_window_present (GTK_WINDOW (empty_window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (empty_window));
  collect ("A new database, no cases yet");
  gtk_window_destroy (GTK_WINDOW (empty_window));
  amends_ui_test_drain ();
  amends_application_set_store (app, NULL);

  assert_all_german ("The screens");

  g_settings_reset (settings, "organisation-name");
  g_clear_object (&store);
  g_clear_object (&empty_store);
  amends_test_remove_dir (dir);
}

/* ------------------------------------------------------------------ */
/* The command line                                                    */

/* Runs amends (or another program) under the German locale that the
 * test itself runs in, with the build's translations. */
static int
run (const char * const  *argv,
     char                **out,
     char                **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);

  return status;
}

static void
see_lines (const char *text,
           const char *where)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    see (lines[i], where);
}

static void
test_german_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { AMENDS_BIN, "--help", NULL };

  g_assert_true (g_spawn_check_wait_status (run (argv, &out, &err), NULL));
  see_lines (out, "amends --help");
  see_lines (err, "amends --help, on standard error");

  assert_all_german ("amends --help");
}

/* What the command line says when it cannot do what it was asked: its
 * own messages, and GLib's (in GLib's translation). */
static void
test_german_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amends-ui-german-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "gaeste.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "fehlt", "amends.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "bericht.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "faelle.csv", NULL);
  const struct {
    const char *what;
    const char *argv[9];
  } runs[] = {
    { "a file that is not a database",
      { AMENDS_BIN, "--database", path, "--weekly-summary", "2026-W47", "--output", pdf, NULL } },
    { "a database that is not there",
      { AMENDS_BIN, "--database", missing, "--export-csv", csv, NULL } },
    { "a week that does not exist",
      { AMENDS_BIN, "--database", path, "--weekly-summary", "2026-W99", "--output", pdf, NULL } },
    { "--weekly-summary without --output",
      { AMENDS_BIN, "--database", path, "--weekly-summary", "2026-W47", NULL } },
    { "an option that does not exist",
      { AMENDS_BIN, "--frobnicate", NULL } },
  };

  g_assert_no_error (error);
  g_file_set_contents (path, "Gästeliste, keine Datenbank\n", -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *where = g_strdup_printf ("amends on %s", runs[i].what);
      g_autofree char *where_out = g_strdup_printf ("amends on %s, standard output", runs[i].what);

      g_assert_false (g_spawn_check_wait_status (run (runs[i].argv, &out, &err), NULL));
      g_test_message ("%s: %s", where, err);
      g_assert_cmpstr (err, !=, "");
      see_lines (err, where);
      see_lines (out, where_out);
    }
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  assert_all_german ("Errors of the command line");
  amends_test_remove_dir (dir);
}

static void
test_german_weekly_summary (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amends-ui-german-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "amends.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "wochenbericht.pdf", NULL);
  g_autofree char *png = g_build_filename (amends_ui_test_screenshot_dir (), "german-weekly-summary", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GDateTime) now = amends_test_time ("2026-11-18T10:00:00Z");
  g_auto(GStrv) pages = NULL;
  Data data;

  g_assert_no_error (error);
  {
    g_autoptr(AmendsStore) store = amends_store_open (path, &error);

    g_assert_no_error (error);
    amends_store_set_fixed_now (store, now);
    populate (store, now, &data);
  }

  {
    const char *argv[] = { AMENDS_BIN, "--database", path, "--weekly-summary", "2026-W47",
                           "--output", pdf, NULL };
    g_autofree char *out = NULL;

    g_assert_true (g_spawn_check_wait_status (run (argv, &out, &err), NULL));
    see_lines (out, "amends --weekly-summary, standard output");
    see_lines (err, "amends --weekly-summary, standard error");
  }

  if (pdftotext == NULL || pdftoppm == NULL)
    {
      g_test_skip ("pdftotext and pdftoppm (poppler-utils) are needed to read the PDF");
      amends_test_remove_dir (dir);
      return;
    }
  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf, "-", NULL };

    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_check_wait_status (run (argv, &text, &err), NULL));
  }
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("the weekly summary PDF, page %u", i + 1);

      see_lines (pages[i], where);
    }

  /* The first page, for people to look at. */
  {
    const char *argv[] = { pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, png, NULL };

    g_assert_true (g_spawn_check_wait_status (run (argv, NULL, NULL), NULL));
    g_test_message ("Saved %s.png", png);
  }

  assert_all_german ("The weekly summary PDF");
  amends_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* German before anything reads the locale; the locale itself comes
   * from LOCPATH (the build tree's), the translations from the build. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_setenv ("AMENDS_LOCALEDIR", AMENDS_BUILD_LOCALEDIR, TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_printerr ("de_DE.UTF-8 is not available (LOCPATH=%s): the test runs in German, "
                  "from the locale that the build generates with localedef (the 'locales' package)\n",
                  g_getenv ("LOCPATH") != NULL ? g_getenv ("LOCPATH") : "");
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, AMENDS_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  data_home = g_dir_make_tmp ("amends-ui-german-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  checker_init ();

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/german/screens", test_german_screens);
  g_test_add_func ("/ui/german/command-line-help", test_german_help);
  g_test_add_func ("/ui/german/command-line-errors", test_german_errors);
  g_test_add_func ("/ui/german/weekly-summary-pdf", test_german_weekly_summary);

  status = g_test_run ();

  g_object_unref (app);
  amends_test_remove_dir (data_home);

  return status;
}
