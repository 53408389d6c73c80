/* amends-fuzz.h: what the fuzz targets share with the corpus runner
 *
 * Each target defines LLVMFuzzerTestOneInput(); libFuzzer calls it with
 * inputs it makes up, and tests/test-fuzz-corpus.c with every file of the
 * target's corpus, so that an input that once crashed stays fixed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdlib.h>

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* A critical or a warning is a bug found, as fatal as a crash. */
static inline void
amends_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

G_END_DECLS
