/* amends-desk-runner.h: desks as processes, for test-desks and the bench
 *
 * Each desk is one amends-desk process (tests/amends-desk.c) on a shared
 * database; its standard output is read a line at a time, with a limit
 * on the wait, while the caller's main loop runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AmendsDeskRun AmendsDeskRun;

AmendsDeskRun *amends_desk_run_spawn       (const char     *desk_bin,
                                            const char     *location,
                                            gboolean        with_stdin,
                                            const char     *first_arg,
                                            ...) G_GNUC_NULL_TERMINATED;
AmendsDeskRun *amends_desk_run_spawnv      (const char     *desk_bin,
                                            const char     *location,
                                            gboolean        with_stdin,
                                            const char * const *args);
char          *amends_desk_run_read_line   (AmendsDeskRun  *desk,
                                            guint           timeout_ms);
gboolean       amends_desk_run_write_line  (AmendsDeskRun  *desk,
                                            const char     *line);
void           amends_desk_run_close_stdin (AmendsDeskRun  *desk);
int            amends_desk_run_wait        (AmendsDeskRun  *desk,
                                            guint           timeout_ms);
void           amends_desk_run_free        (AmendsDeskRun  *desk);
gint64         amends_desk_line_time       (const char     *line);
void           amends_touch_file           (const char     *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsDeskRun, amends_desk_run_free)

G_END_DECLS
