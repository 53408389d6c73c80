/* amends-store-staff-record.h: one person's recovery record over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store-measures.h"

G_BEGIN_DECLS

/* A rule bent on a case the person owns, and why. */
typedef struct
{
  gint64  case_id;
  char   *reference;
  char   *summary;
  gint64  occurred_at;   /* Unix seconds */
  char   *rule;          /* NULL when not written down */
  char   *why;
} AmendsRuleBend;

/* What a person did for recovery in a period [from, until), counted as
 * the Measures view's per-owner line counts (the same SQL). */
typedef struct
{
  gint64          staff_id;
  char           *name;
  gint64          from;           /* Unix seconds */
  gint64          until;
  AmendsMeasures  measures;       /* their line of the per-owner table; zeros if none */
  guint           n_hero_stories; /* told stories in the period they are a hero of */
  guint           n_helped;       /* cases happened in the period they helped on */
  GPtrArray      *bends;          /* AmendsRuleBend, of their cases happened in the period */
} AmendsStaffRecord;

void               amends_rule_bend_free          (AmendsRuleBend    *bend);
void               amends_staff_record_free       (AmendsStaffRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsStaffRecord, amends_staff_record_free)

AmendsStaffRecord *amends_store_read_staff_record (AmendsStore       *self,
                                                   gint64             staff_id,
                                                   GDateTime         *from,
                                                   GDateTime         *until,
                                                   GError           **error);

/* The same on a read-only connection of its own, for a worker thread. */
typedef struct _AmendsStaffRecordReader AmendsStaffRecordReader;

AmendsStaffRecordReader *amends_staff_record_reader_new  (AmendsStore             *store);
void                     amends_staff_record_reader_free (AmendsStaffRecordReader *reader);
AmendsStaffRecord       *amends_staff_record_reader_read (AmendsStaffRecordReader *reader,
                                                          gint64                   staff_id,
                                                          GDateTime               *from,
                                                          GDateTime               *until,
                                                          GError                 **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsStaffRecordReader, amends_staff_record_reader_free)

G_END_DECLS
