/* amends-autosave.h: a record's fields saved as they are typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amends-record.h"
#include "amends-store.h"

G_BEGIN_DECLS

typedef enum
{
  AMENDS_AUTOSAVE_FIELD_TEXT     = 1 << 0,  /* typed text, copied out when unsaved */
  AMENDS_AUTOSAVE_FIELD_NO_FOCUS = 1 << 1,  /* made of several controls: focus does not hold it */
} AmendsAutosaveFieldFlags;

/* One field: a property of the record and the widget that edits it. */
typedef struct
{
  const char               *property;
  const char               *label;      /* N_(), as its row says */
  AmendsAutosaveFieldFlags  flags;
} AmendsAutosaveField;

/* What only the widget that owns the fields knows: how to read a value
 * from its controls, show one, and put one in words. */
typedef struct
{
  GtkWidget *(*get_widget)      (gpointer      view,
                                 guint         index);
  gboolean   (*read_field)      (gpointer      view,
                                 guint         index,
                                 GValue       *value,
                                 GError      **error);
  void       (*show_field)      (gpointer      view,
                                 guint         index,
                                 const GValue *value);
  char      *(*describe_value)  (gpointer      view,
                                 guint         index,
                                 const GValue *value);
  void       (*set_field_error) (gpointer      view,
                                 guint         index,
                                 const char   *message);
  /* The first line of the conflict dialog, for @n_conflicts fields. */
  char      *(*dup_conflict_intro) (gpointer      view,
                                    AmendsRecord *record,
                                    guint         n_conflicts);
  /* (optional) Record @id as a list on screen holds it, to show and edit
   * while the database server cannot be reached; NULL if none does. */
  AmendsRecord *(*find_listed)     (gpointer      view,
                                    gint64        id);
} AmendsAutosaveFuncs;

#define AMENDS_TYPE_AUTOSAVE (amends_autosave_get_type())

G_DECLARE_FINAL_TYPE (AmendsAutosave, amends_autosave, AMENDS, AUTOSAVE, GObject)

AmendsAutosave *amends_autosave_new               (AmendsStore                *store,
                                                   GType                       record_type,
                                                   const AmendsAutosaveField  *fields,
                                                   guint                       n_fields,
                                                   const AmendsAutosaveFuncs  *funcs,
                                                   gpointer                    view,
                                                   const char                 *conflict_title);
AmendsRecord   *amends_autosave_get_record        (AmendsAutosave             *self);
gboolean        amends_autosave_load              (AmendsAutosave             *self,
                                                   gint64                      id,
                                                   GError                    **error);
gboolean        amends_autosave_reload            (AmendsAutosave             *self,
                                                   GError                    **error);
void            amends_autosave_show              (AmendsAutosave             *self,
                                                   gboolean                    all);
void            amends_autosave_changed           (AmendsAutosave             *self,
                                                   guint                       index);
gboolean        amends_autosave_save              (AmendsAutosave             *self,
                                                   GError                    **error);
gboolean        amends_autosave_flush             (AmendsAutosave             *self,
                                                   GError                    **error);
void            amends_autosave_close             (AmendsAutosave             *self);
gboolean        amends_autosave_get_unsaved       (AmendsAutosave             *self);
gboolean        amends_autosave_get_waiting       (AmendsAutosave             *self);
guint           amends_autosave_get_n_pending     (AmendsAutosave             *self);
gboolean        amends_autosave_has_pending       (AmendsAutosave             *self,
                                                   gint64                      id);
gint64          amends_autosave_get_pending_id    (AmendsAutosave             *self,
                                                   guint                       index);
gboolean        amends_autosave_is_editing        (AmendsAutosave             *self,
                                                   GParamSpec                 *pspec);
void            amends_autosave_forget            (AmendsAutosave             *self,
                                                   const char                 *property);
char           *amends_autosave_dup_unsaved_text  (AmendsAutosave             *self);

G_END_DECLS
