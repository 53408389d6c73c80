/* amends-store.h: the SQLite database behind every record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-action.h"
#include "amends-case.h"
#include "amends-case-source.h"
#include "amends-customer.h"
#include "amends-staff.h"
#include "amends-story.h"

G_BEGIN_DECLS

#define AMENDS_STORE_ERROR (amends_store_error_quark ())

/**
 * AmendsStoreError:
 * @AMENDS_STORE_ERROR_NOT_A_DATABASE: the file is not an Amends database
 * @AMENDS_STORE_ERROR_TOO_NEW: written by a newer Amends; upgrade to open it
 * @AMENDS_STORE_ERROR_CORRUPT: the database is damaged
 * @AMENDS_STORE_ERROR_READ_ONLY: the file or its folder cannot be written
 * @AMENDS_STORE_ERROR_DISK_FULL: no space left to save the change
 * @AMENDS_STORE_ERROR_BUSY: another program holds the database
 * @AMENDS_STORE_ERROR_NOT_FOUND: the record is not there (any more)
 * @AMENDS_STORE_ERROR_INVALID: a value cannot be saved as it is
 * @AMENDS_STORE_ERROR_REFUSED: the step does not fit the case as it is
 *   (recovered without a fix, a clock paused once past due)
 * @AMENDS_STORE_ERROR_CONFLICT: someone else changed a field that was
 *   changed here too, to another value; the record names the fields and
 *   holds their values (amends_record_get_conflicts()), and nothing was
 *   saved
 * @AMENDS_STORE_ERROR_UNREADABLE: the file cannot be read (no permission)
 * @AMENDS_STORE_ERROR_FAILED: anything else
 * @AMENDS_STORE_ERROR_OFFLINE: the database server cannot be reached (a
 *   shared database, issue 16); nothing was saved, and the store tries
 *   to connect again by itself: see #AmendsStore:online
 * @AMENDS_STORE_ERROR_PASSWORD: the database server wants a password
 *   that was not given, or refused the one given
 */
typedef enum
{
  AMENDS_STORE_ERROR_NOT_A_DATABASE,
  AMENDS_STORE_ERROR_TOO_NEW,
  AMENDS_STORE_ERROR_CORRUPT,
  AMENDS_STORE_ERROR_READ_ONLY,
  AMENDS_STORE_ERROR_DISK_FULL,
  AMENDS_STORE_ERROR_BUSY,
  AMENDS_STORE_ERROR_NOT_FOUND,
  AMENDS_STORE_ERROR_INVALID,
  AMENDS_STORE_ERROR_REFUSED,
  AMENDS_STORE_ERROR_CONFLICT,
  AMENDS_STORE_ERROR_UNREADABLE,
  AMENDS_STORE_ERROR_FAILED,
  AMENDS_STORE_ERROR_OFFLINE,
  AMENDS_STORE_ERROR_PASSWORD,
} AmendsStoreError;

/**
 * AmendsStoreOpenFlags:
 * @AMENDS_STORE_OPEN_DEFAULT: check the file's integrity before opening
 * @AMENDS_STORE_OPEN_CHECK_LATER: open without waiting for the integrity
 *   check; amends_store_check_integrity() runs it, and writes wait for it
 */
typedef enum
{
  AMENDS_STORE_OPEN_DEFAULT     = 0,
  AMENDS_STORE_OPEN_CHECK_LATER = 1 << 0,
} AmendsStoreOpenFlags;

/* One row of the audit log. */
typedef struct
{
  gint64  id;
  gint64  at;          /* Unix seconds */
  gint64  staff_id;    /* 0: nobody was at the desk */
  char   *table;       /* "cases", "customers", ... */
  gint64  record_id;
  char   *field;       /* a column, or "created", "trashed", "restored", "purged" */
  char   *before;      /* NULL when there was no value */
  char   *after;
} AmendsAuditEntry;

#define AMENDS_TYPE_STORE (amends_store_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStore, amends_store, AMENDS, STORE, GObject)

GQuark       amends_store_error_quark            (void);
void         amends_audit_entry_free             (AmendsAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsAuditEntry, amends_audit_entry_free)

char        *amends_store_get_default_path       (void);
AmendsStore *amends_store_open                   (const char   *path,
                                                  GError      **error);
AmendsStore *amends_store_open_full              (const char   *path,
                                                  AmendsStoreOpenFlags flags,
                                                  GError      **error);
void         amends_store_check_integrity        (AmendsStore  *self);
gboolean     amends_store_get_checking           (AmendsStore  *self);
void         amends_store_hold_integrity_check   (AmendsStore  *self,
                                                  gboolean      hold);
const char  *amends_store_get_path               (AmendsStore  *self);
const char  *amends_store_get_display_name       (AmendsStore  *self);
gboolean     amends_store_get_shared             (AmendsStore  *self);
gboolean     amends_store_get_online             (AmendsStore  *self);
gboolean     amends_store_has_cases              (AmendsStore  *self,
                                                  GError      **error);
gboolean     amends_store_has_trashed_cases      (AmendsStore  *self,
                                                  GError      **error);
gboolean     amends_store_get_damaged            (AmendsStore  *self);
gboolean     amends_store_get_read_only          (AmendsStore  *self);
void         amends_store_check_for_changes      (AmendsStore  *self);
gint64       amends_store_get_actor_id           (AmendsStore  *self);
void         amends_store_set_actor_id           (AmendsStore  *self,
                                                  gint64        staff_id);
GDateTime   *amends_store_dup_now                (AmendsStore  *self);
int          amends_store_get_recovery_target_hours (AmendsStore *self);
void         amends_store_set_recovery_target_hours (AmendsStore *self,
                                                     int          hours);

gboolean     amends_store_begin                  (AmendsStore  *self,
                                                  GError      **error);
gboolean     amends_store_commit                 (AmendsStore  *self,
                                                  GError      **error);
void         amends_store_rollback               (AmendsStore  *self);

gboolean     amends_store_insert                 (AmendsStore  *self,
                                                  AmendsRecord *record,
                                                  GError      **error);
gboolean     amends_store_update                 (AmendsStore  *self,
                                                  AmendsRecord *record,
                                                  GError      **error);
gpointer     amends_store_load                   (AmendsStore  *self,
                                                  GType         type,
                                                  gint64        id,
                                                  GError      **error);
gboolean     amends_store_reload                 (AmendsStore  *self,
                                                  AmendsRecord *record,
                                                  GError      **error);

gboolean     amends_store_trash_case             (AmendsStore  *self,
                                                  gint64        case_id,
                                                  GError      **error);
gboolean     amends_store_restore_case           (AmendsStore  *self,
                                                  gint64        case_id,
                                                  GError      **error);
gboolean     amends_store_purge_case             (AmendsStore  *self,
                                                  gint64        case_id,
                                                  GError      **error);

GListModel  *amends_store_list_staff             (AmendsStore  *self,
                                                  gboolean      include_inactive,
                                                  GError      **error);
GListModel  *amends_store_list_customers         (AmendsStore  *self,
                                                  const char   *name_prefix,
                                                  guint         limit,
                                                  GError      **error);
GListModel  *amends_store_list_actions           (AmendsStore  *self,
                                                  gint64        case_id,
                                                  GError      **error);
GListModel  *amends_store_list_customer_cases    (AmendsStore  *self,
                                                  gint64        customer_id,
                                                  GError      **error);
GListModel  *amends_store_list_room_cases        (AmendsStore  *self,
                                                  const char   *room,
                                                  gint64        except_case_id,
                                                  guint         limit,
                                                  GError      **error);
GListModel  *amends_store_list_stories           (AmendsStore  *self,
                                                  AmendsStoryStage stage,
                                                  GError      **error);
GArray      *amends_store_get_story_heroes       (AmendsStore  *self,
                                                  gint64        story_id,
                                                  GError      **error);
gboolean     amends_store_set_story_heroes       (AmendsStore  *self,
                                                  gint64        story_id,
                                                  const gint64 *staff_ids,
                                                  guint         n_staff_ids,
                                                  GError      **error);
GStrv        amends_store_list_categories        (AmendsStore  *self,
                                                  GError      **error);
GPtrArray   *amends_store_list_audit             (AmendsStore  *self,
                                                  const char   *table,
                                                  gint64        record_id,
                                                  GError      **error);
gint64       amends_store_count_cases            (AmendsStore  *self,
                                                  GError      **error);

/* The work on a case (amends-store-cases.c): each is one transaction that
 * also writes the case's timeline. */
AmendsAction   *amends_store_add_action          (AmendsStore      *self,
                                                  gint64            case_id,
                                                  AmendsActionKind  kind,
                                                  const char       *text,
                                                  GError          **error);
gboolean        amends_store_correct_action      (AmendsStore      *self,
                                                  AmendsAction     *action,
                                                  AmendsActionKind  kind,
                                                  const char       *text,
                                                  GError          **error);
gboolean        amends_store_set_case_status     (AmendsStore      *self,
                                                  AmendsCase       *kase,
                                                  AmendsCaseStatus  status,
                                                  GError          **error);
gboolean        amends_store_close_case          (AmendsStore      *self,
                                                  AmendsCase       *kase,
                                                  AmendsCloseReason reason,
                                                  GError          **error);
gboolean        amends_store_take_ownership      (AmendsStore      *self,
                                                  AmendsCase       *kase,
                                                  gint64            staff_id,
                                                  GError          **error);
gboolean        amends_store_pause_clock         (AmendsStore      *self,
                                                  AmendsCase       *kase,
                                                  const char       *reason,
                                                  GError          **error);
gboolean        amends_store_resume_clock        (AmendsStore      *self,
                                                  AmendsCase       *kase,
                                                  GError          **error);
AmendsCustomer *amends_store_find_customer       (AmendsStore      *self,
                                                  const char       *name,
                                                  GError          **error);

G_END_DECLS
