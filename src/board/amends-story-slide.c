/* amends-story-slide.c: a told story on the staff-room wall
 *
 * The title, the text, the heroes and when it was told, in type large
 * enough to read from across the room; or, before any story is told, the
 * slide that says where they will appear.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-story-slide"

#include "config.h"

#include "amends-story-slide.h"

#include <glib/gi18n.h>

struct _AmendsStorySlide
{
  AdwBin    parent_instance;

  GtkLabel *kicker_label;
  GtkLabel *title_label;
  GtkLabel *text_label;
  GtkLabel *heroes_label;
  GtkLabel *date_label;
};

G_DEFINE_FINAL_TYPE (AmendsStorySlide, amends_story_slide, ADW_TYPE_BIN)

/* A line shown only when there is something to say in it. */
static void
set_line (GtkLabel   *label,
          const char *text)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_text (label, shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
}

static AmendsStorySlide *
amends_story_slide_new_with (const char *kicker,
                             const char *title)
{
  AmendsStorySlide *self = g_object_new (AMENDS_TYPE_STORY_SLIDE, NULL);

  gtk_label_set_text (self->kicker_label, kicker);
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return self;
}

static void
amends_story_slide_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMENDS_TYPE_STORY_SLIDE);

  G_OBJECT_CLASS (amends_story_slide_parent_class)->dispose (object);
}

static void
amends_story_slide_class_init (AmendsStorySlideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_story_slide_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-story-slide.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsStorySlide, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStorySlide, title_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStorySlide, text_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStorySlide, heroes_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStorySlide, date_label);
}

static void
amends_story_slide_init (AmendsStorySlide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amends_story_slide_new:
 * @story: a told story
 * @heroes: (nullable): the names of its heroes, joined, or %NULL for none
 *
 * Returns: (transfer floating): a slide for @story
 */
GtkWidget *
amends_story_slide_new (AmendsStory *story,
                        const char  *heroes)
{
  const char *title = amends_story_get_title (story);
  GDateTime *told_at = amends_story_get_told_at (story);
  AmendsStorySlide *self;

  g_return_val_if_fail (AMENDS_IS_STORY (story), NULL);

  if (title == NULL || *title == '\0')
    title = _("A recovery story");

  self = amends_story_slide_new_with (_("A recovery story"), title);
  /* What does not fit is for the board, not the wall. */
  gtk_label_set_lines (self->text_label, 9);
  gtk_label_set_ellipsize (self->text_label, PANGO_ELLIPSIZE_END);
  set_line (self->text_label, amends_story_get_text (story));

  if (heroes != NULL)
    {
      /* Translators: "Heroes: Ada Moreau, Bilal Okafor" */
      g_autofree char *line = g_strdup_printf (_("Heroes: %s"), heroes);
      set_line (self->heroes_label, line);
    }

  if (told_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (told_at);
      /* Translators: a g_date_time_format() format: "Told on 17 November 2026" */
      g_autofree char *line = g_date_time_format (local, _("Told on %-d %B %Y"));
      set_line (self->date_label, line);
    }

  return GTK_WIDGET (self);
}

/**
 * amends_story_slide_new_first:
 *
 * Returns: (transfer floating): the slide shown while no story is told
 */
GtkWidget *
amends_story_slide_new_first (void)
{
  AmendsStorySlide *self;

  self = amends_story_slide_new_with (_("Recovery stories"), _("Your first told story will appear here"));
  set_line (self->text_label,
            _("When a manager tells a recovery story on the board, it is celebrated here with its heroes."));

  return GTK_WIDGET (self);
}
