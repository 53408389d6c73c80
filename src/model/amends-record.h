/* amends-record.h: the base of every stored object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AMENDS_TYPE_RECORD (amends_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (AmendsRecord, amends_record, AMENDS, RECORD, GObject)

struct _AmendsRecordClass
{
  GObjectClass parent_class;

  /* The SQLite table that holds this type; set by each subclass. */
  const char *table;
  /* Properties of the subclass, in install order; index = param_id - 1. */
  GParamSpec **fields;
  guint n_fields;
};

void        amends_record_class_install_fields (AmendsRecordClass  *klass,
                                                const char         *table,
                                                guint               n_pspecs,
                                                GParamSpec        **pspecs);
void        amends_record_field_set_derived    (GParamSpec         *pspec);
gboolean    amends_record_field_is_derived     (GParamSpec         *pspec);

#define AMENDS_RECORD_FIELD_FLAGS \
  (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

GParamSpec *amends_record_string_field         (const char         *name);
GParamSpec *amends_record_id_field             (const char         *name);
GParamSpec *amends_record_time_field           (const char         *name);

gint64      amends_record_get_id               (AmendsRecord       *self);
void        amends_record_set_id               (AmendsRecord       *self,
                                                gint64              id);
const GValue *amends_record_peek_value         (AmendsRecord       *self,
                                                GParamSpec         *pspec);
gboolean    amends_record_set_value            (AmendsRecord       *self,
                                                GParamSpec         *pspec,
                                                const GValue       *value);
gboolean    amends_record_field_equal          (GParamSpec         *pspec,
                                                const GValue       *a,
                                                const GValue       *b);
void        amends_record_copy_fields          (AmendsRecord       *self,
                                                AmendsRecord       *from);

gint64      amends_record_get_version          (AmendsRecord       *self);
void        amends_record_set_version          (AmendsRecord       *self,
                                                gint64              version);
void        amends_record_mark_saved           (AmendsRecord       *self);
gboolean    amends_record_has_saved_values     (AmendsRecord       *self);
const GValue *amends_record_peek_saved_value   (AmendsRecord       *self,
                                                GParamSpec         *pspec);
gboolean    amends_record_field_is_changed     (AmendsRecord       *self,
                                                GParamSpec         *pspec);
void        amends_record_take_saved_values    (AmendsRecord       *self,
                                                AmendsRecord       *from);
void        amends_record_take_field           (AmendsRecord       *self,
                                                AmendsRecord       *from,
                                                GParamSpec         *pspec);

void        amends_record_add_conflict         (AmendsRecord       *self,
                                                GParamSpec         *pspec,
                                                const GValue       *theirs);
void        amends_record_clear_conflicts      (AmendsRecord       *self);
GPtrArray  *amends_record_get_conflicts        (AmendsRecord       *self);
const GValue *amends_record_peek_their_value   (AmendsRecord       *self,
                                                GParamSpec         *pspec);
void        amends_record_resolve_conflict     (AmendsRecord       *self,
                                                GParamSpec         *pspec,
                                                gboolean            keep_mine);

const char *amends_record_get_string           (AmendsRecord       *self,
                                                GParamSpec         *pspec);
gint64      amends_record_get_int64            (AmendsRecord       *self,
                                                GParamSpec         *pspec);
int         amends_record_get_enum             (AmendsRecord       *self,
                                                GParamSpec         *pspec);
guint       amends_record_get_flags            (AmendsRecord       *self,
                                                GParamSpec         *pspec);
gboolean    amends_record_get_boolean          (AmendsRecord       *self,
                                                GParamSpec         *pspec);
GDateTime  *amends_record_get_date_time        (AmendsRecord       *self,
                                                GParamSpec         *pspec);

G_END_DECLS
