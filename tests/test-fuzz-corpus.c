/* test-fuzz-corpus.c: every input of a fuzz target's corpus, once more
 *
 * Built with the ordinary compiler, without libFuzzer, and linked with one
 * target of tests/fuzz/: each file of the corpus folder given on the
 * command line is a test of its own, fed to the same
 * LLVMFuzzerTestOneInput() the fuzzer calls.  The seeds, and every input
 * that once crashed (added to the corpus when it was fixed), run in every
 * `meson test`, so what was fixed stays fixed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz/amends-fuzz.h"

static void
test_input (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);

  g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *) contents, size), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  const char *name;

  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (argc != 2)
    g_error ("Usage: %s [GTEST-OPTION…] CORPUS-FOLDER", argv[0]);

  dir = g_dir_open (argv[1], 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (argv[1], name, NULL));
  g_ptr_array_sort (paths, compare_names);

  /* An empty corpus would test nothing and look green. */
  g_assert_cmpuint (paths->len, >, 0);

  target = g_path_get_basename (argv[1]);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      g_autofree char *test = g_strdup_printf ("/fuzz/%s/%s", target, base);

      g_test_add_data_func (test, paths->pdata[i], test_input);
    }

  return g_test_run ();
}
