/* amends-conflict-dialog.c: asking which of two saves of the same field to keep
 *
 * The case editor and the customer card ask the same question when
 * another program saved a field that was also typed here: both values
 * side by side, "Take Theirs" or "Keep Mine"; closing the dialog answers
 * "later", which keeps what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-conflict-dialog"

#include "config.h"

#include "amends-conflict-dialog.h"

#include <glib/gi18n.h>

/* A value as the question shows it: a long text by its beginning (the
 * rest is on screen), an empty one in words. */
static char *
shorten (const char *text)
{
  if (text == NULL || *text == '\0')
    /* Translators: a field left empty, in the conflict dialog */
    return g_strdup (_("(empty)"));

  if (g_utf8_strlen (text, -1) > 300)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 300);
      return g_strconcat (start, "…", NULL);
    }

  return g_strdup (text);
}

/* One field of the question: its name, then both values. */
void
amends_conflict_dialog_append_field (GString    *body,
                                     const char *label,
                                     const char *theirs,
                                     const char *mine)
{
  g_autofree char *their_text = shorten (theirs);
  g_autofree char *my_text = shorten (mine);

  /* Translators: a field's name, then what someone else saved in it
   * and what was typed here */
  g_string_append_printf (body, _("\n\n%s\nTheirs: “%s”\nYours: “%s”"), label, their_text, my_text);
}

/**
 * amends_conflict_dialog_new:
 *
 * Returns: (transfer none): a modal dialog with the responses "theirs",
 *   "mine" (the default) and "later" (on closing)
 */
GtkWidget *
amends_conflict_dialog_new (GtkWindow  *parent,
                            const char *heading,
                            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "theirs", _("_Take Theirs"),
                                    "mine", _("_Keep Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  return dialog;
}
