/* amends-backup.h: copies of the database, taken daily and on demand, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many daily copies are kept, and for how many weeks one a week. */
#define AMENDS_BACKUP_KEEP_DAYS  7
#define AMENDS_BACKUP_KEEP_WEEKS 8

char      *amends_backup_get_folder    (void);
gboolean   amends_backup_write         (const char  *database_path,
                                        const char  *backup_path,
                                        GError     **error);
char      *amends_backup_daily         (const char    *database_path,
                                        const char    *folder,
                                        GDateTime     *today,
                                        GCancellable  *cancellable,
                                        GError       **error);
guint      amends_backup_prune         (const char  *database_path,
                                        const char  *folder,
                                        GDateTime   *today);
GPtrArray *amends_backup_list          (const char  *database_path,
                                        const char  *folder);
gboolean   amends_backup_check         (const char  *backup_path,
                                        GError     **error);
gboolean   amends_backup_restore       (const char  *backup_path,
                                        const char  *database_path,
                                        char       **replaced_path,
                                        GError     **error);

G_END_DECLS
