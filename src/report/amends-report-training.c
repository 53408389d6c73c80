/* amends-report-training.c: the training pack, the stories marked to be
 * taught from, as PDF
 *
 * Storytelling makes explicit what staff must do to recover: the pack
 * puts the stories marked as training examples on paper, one a page,
 * each as a lesson reads: what went wrong, the fix, the surprise, the
 * rule bent and why, the lesson, and the story as it was told.  Its
 * first page names the organisation, the day it was made and how many
 * stories it holds; each story says who has read it.
 *
 * Drawn with cairo and pango, without GTK, for the board and the
 * command line alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-training"

#include "config.h"

#include "amends-report-training.h"

#include <glib/gi18n.h>

#include "amends-report-doc.h"
#include "amends-report-format.h"
#include "amends-store-training.h"

typedef struct
{
  const char *organisation;
  GDateTime  *made_at;
  GPtrArray  *stories;     /* AmendsTrainingStory */
} Pack;

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

/* A heading and its text, a paragraph at a time so that a long one can
 * go on over the page. */
static void
place_section (AmendsPageCursor *cur,
               const char       *heading,
               const char       *text,
               const char       *none)
{
  g_auto(GStrv) paragraphs = NULL;
  double width = cur->right - cur->left;

  /* A heading is never left alone at the foot of a page. */
  amends_page_need (cur, amends_page_measure (cur, STYLE_HEADING, heading, width) +
                         amends_page_measure (cur, STYLE_SUBTITLE, "M", width) + 4);
  place (cur, STYLE_HEADING, RGB_ACCENT, heading, 4);

  if (text == NULL || *text == '\0')
    {
      place (cur, STYLE_SUBTITLE, RGB_FAINT, none, 14);
      return;
    }

  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] != '\0')
        place (cur, STYLE_SUBTITLE, RGB_TEXT, paragraphs[i], 4);
    }
  cur->y += 10;
}

static char *
format_day (gint64 t)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (t);

  return amends_report_format_day_month_year (when);
}

static char *
format_readers (GPtrArray *readers)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (readers == NULL || readers->len == 0)
    /* Translators: on a story of the training pack: nobody has read it yet */
    return g_strdup (_("Read by: nobody yet"));

  for (guint i = 0; i < readers->len; i++)
    {
      AmendsStoryReader *reader = readers->pdata[i];
      g_autofree char *day = format_day (reader->read_at);

      if (i > 0)
        g_string_append (text, _(", "));
      /* Translators: a reader of a story and the day they read it: "Ana (3 May 2026)" */
      g_string_append_printf (text, _("%s (%s)"), reader->name, day);
    }

  /* Translators: on a story of the training pack, the people who read it */
  return g_strdup_printf (_("Read by: %s"), text->str);
}

static void
place_title_page (AmendsPageCursor *cur,
                  Pack             *pack)
{
  g_autofree char *day = amends_report_format_day_month_year (pack->made_at);
  g_autofree char *count =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u story", "%u stories", pack->stories->len),
                     pack->stories->len);

  cur->y += 120;
  if (pack->organisation != NULL && *pack->organisation != '\0')
    place (cur, STYLE_ORGANISATION, RGB_ACCENT, pack->organisation, 10);
  place (cur, STYLE_FIGURE, RGB_TEXT, _("Training Pack"), 6);
  place (cur, STYLE_SUBTITLE, RGB_DIM, _("Service recovery stories to learn from"), 24);
  amends_page_add_rule (cur, cur->y, 1.0, RGB_RULE);
  cur->y += 14;
  /* Translators: on the first page of the training pack: when it was made */
  {
    g_autofree char *made = g_strdup_printf (_("Made on %s"), day);
    place (cur, STYLE_STAT, RGB_TEXT, made, 4);
  }
  place (cur, STYLE_STAT, RGB_TEXT, count, 24);

  if (pack->stories->len == 0)
    {
      place (cur, STYLE_BODY, RGB_DIM,
             _("No story is marked for training yet. Mark a told story as a training example from its menu on the board."), 0);
      return;
    }

  place (cur, STYLE_HEADING, RGB_TEXT, _("Contents"), 6);
  for (guint i = 0; i < pack->stories->len; i++)
    {
      AmendsTrainingStory *story = pack->stories->pdata[i];
      /* Translators: a line of the training pack's contents: its number and title */
      g_autofree char *line = g_strdup_printf (_("%u. %s"), i + 1, story->title ? story->title : "");

      place (cur, STYLE_SUBTITLE, RGB_TEXT, line, 3);
    }
}

static void
place_story (AmendsPageCursor    *cur,
             AmendsTrainingStory *story,
             guint                number)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *wrong = NULL;
  g_autofree char *bent = NULL;
  g_autofree char *readers = format_readers (story->readers);
  /* Translators: the number of a story in the training pack */
  g_autofree char *label = g_strdup_printf (_("Story %u"), number);

  place (cur, STYLE_ORGANISATION, RGB_ACCENT, label, 4);
  place (cur, STYLE_TITLE, RGB_TEXT, story->title ? story->title : "", 6);

  if (story->reference != NULL)
    g_string_append (subtitle, story->reference);
  if (story->told_at > 0)
    {
      g_autofree char *day = format_day (story->told_at);
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: when a story was told, as in "told on 3 May 2026" */
      g_string_append_printf (subtitle, _("told on %s"), day);
    }
  if (story->heroes != NULL && story->heroes[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (_(", "), story->heroes);
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: the heroes of a story, by name */
      g_string_append_printf (subtitle, _("Heroes: %s"), names);
    }
  place (cur, STYLE_SUBTITLE, RGB_DIM, subtitle->str, 6);
  place (cur, STYLE_BODY, RGB_DIM, readers, 10);
  amends_page_add_rule (cur, cur->y, 0.8, RGB_RULE);
  cur->y += 14;

  if (story->description != NULL && g_strcmp0 (story->description, story->went_wrong) != 0)
    wrong = g_strdup_printf ("%s\n%s", story->went_wrong ? story->went_wrong : "", story->description);
  else
    wrong = g_strdup (story->went_wrong);
  place_section (cur, _("What Went Wrong"), wrong, _("Not written down."));
  place_section (cur, _("The Fix"), story->fix, _("Not written down."));
  place_section (cur, _("The Surprise"), story->surprise, _("No surprise was written down."));

  if (story->rule_bent)
    {
      /* Translators: the rule bent on a case, then why it was bent */
      bent = g_strdup_printf (_("%s\nWhy: %s"),
                              story->bent_rule ? story->bent_rule : _("A rule was bent (not named)."),
                              story->bent_rule_why ? story->bent_rule_why : _("not written down"));
      place_section (cur, _("The Rule Bent, and Why"), bent, NULL);
    }
  else
    place_section (cur, _("The Rule Bent, and Why"), NULL, _("No rule was bent."));

  place_section (cur, _("The Lesson"), story->lesson, _("No lesson was written down."));
  if (story->text != NULL)
    place_section (cur, _("The Story as Told"), story->text, NULL);
}

static gboolean
lay_out_pack (AmendsPageCursor  *cur,
              gpointer           data,
              GError           **error)
{
  Pack *pack = data;

  place_title_page (cur, pack);

  /* One story a page: a page can be handed out on its own. */
  for (guint i = 0; i < pack->stories->len; i++)
    {
      amends_page_break (cur);
      place_story (cur, pack->stories->pdata[i], i + 1);
    }

  return TRUE;
}

/**
 * amends_training_pack_write_pdf:
 * @organisation: (nullable): the name on the first page
 * @made_at: (nullable): the day it is made; now when %NULL
 * @n_stories: (out) (optional): how many stories it holds
 *
 * Writes the training pack: the told stories marked for training, in the
 * order they were told.
 */
gboolean
amends_training_pack_write_pdf (AmendsStore  *store,
                                const char   *organisation,
                                GDateTime    *made_at,
                                const char   *path,
                                guint        *n_stories,
                                GError      **error)
{
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GDateTime) now = NULL;
  Pack pack;
  AmendsDoc doc = { 0 };

  g_return_val_if_fail (AMENDS_IS_STORE (store), FALSE);

  if (!(stories = amends_store_list_training_stories (store, error)))
    return FALSE;

  if (made_at == NULL)
    made_at = now = amends_store_dup_now (store);

  pack = (Pack) { organisation, made_at, stories };
  doc.title = _("Training Pack");
  doc.layout = lay_out_pack;
  doc.data = &pack;

  if (!amends_doc_write_pdf (&doc, path, error))
    return FALSE;

  if (n_stories != NULL)
    *n_stories = stories->len;
  return TRUE;
}
