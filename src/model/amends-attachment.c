/* amends-attachment.c: a photo or file kept with a case
 *
 * What the lists show of an attachment: its name, type and size, never
 * its bytes, which are read one file at a time when they are needed
 * (amends-store-attachments.c).  Immutable once made: a change is a new
 * attachment, a removal moves it to the trash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-attachment"

#include "config.h"

#include "amends-attachment.h"

struct _AmendsAttachment
{
  GObject  parent_instance;

  gint64   id;
  gint64   case_id;
  char    *name;
  char    *content_type;
  gint64   size;
  gint64   added_at;
};

G_DEFINE_FINAL_TYPE (AmendsAttachment, amends_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CONTENT_TYPE,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
amends_attachment_finalize (GObject *object)
{
  AmendsAttachment *self = AMENDS_ATTACHMENT (object);

  g_free (self->name);
  g_free (self->content_type);

  G_OBJECT_CLASS (amends_attachment_parent_class)->finalize (object);
}

static void
amends_attachment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmendsAttachment *self = AMENDS_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_attachment_class_init (AmendsAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amends_attachment_finalize;
  object_class->get_property = amends_attachment_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTENT_TYPE] =
    g_param_spec_string ("content-type", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amends_attachment_init (AmendsAttachment *self)
{
}

AmendsAttachment *
amends_attachment_new (gint64      id,
                       gint64      case_id,
                       const char *name,
                       const char *content_type,
                       gint64      size,
                       gint64      added_at)
{
  AmendsAttachment *self = g_object_new (AMENDS_TYPE_ATTACHMENT, NULL);

  self->id = id;
  self->case_id = case_id;
  self->name = g_strdup (name);
  self->content_type = g_strdup (content_type);
  self->size = size;
  self->added_at = added_at;

  return self;
}

gint64
amends_attachment_get_id (AmendsAttachment *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENT (self), 0);
  return self->id;
}

gint64
amends_attachment_get_case_id (AmendsAttachment *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENT (self), 0);
  return self->case_id;
}

const char *
amends_attachment_get_name (AmendsAttachment *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENT (self), NULL);
  return self->name;
}

const char *
amends_attachment_get_content_type (AmendsAttachment *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENT (self), NULL);
  return self->content_type;
}

gint64
amends_attachment_get_size (AmendsAttachment *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENT (self), 0);
  return self->size;
}

gint64
amends_attachment_get_added_at (AmendsAttachment *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENT (self), 0);
  return self->added_at;
}

/* A photo gets a thumbnail and the viewer; anything else an icon. */
gboolean
amends_attachment_is_image (AmendsAttachment *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENT (self), FALSE);
  return self->content_type != NULL && g_str_has_prefix (self->content_type, "image/");
}
