/* amends-backup-private.h: what the backup's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-backup.h"

G_BEGIN_DECLS

gboolean  amends_backup_ensure_private_folder (const char    *path,
                                              GError       **error);
char     *amends_backup_copy_beside           (const char    *from,
                                              const char    *to,
                                              GCancellable  *cancellable,
                                              GError       **error);
gboolean  amends_backup_refuse_server         (const char    *location,
                                              GError       **error);
gboolean  amends_backup_move_into_place       (const char    *partial,
                                              const char    *to,
                                              GError       **error);

G_END_DECLS
