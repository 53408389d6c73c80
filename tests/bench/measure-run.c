/* measure-run.c: the wall time and peak memory of a command
 *
 *   measure-run COMMAND [ARGS...]
 *
 * runs COMMAND, waits for it and prints one line to standard error:
 *
 *   measure-run: wall_ms=123.4 max_rss_kib=45678 status=0
 *
 * The peak resident size is the child's own (getrusage of the children,
 * taken while this program has no other child).  Standard output and
 * input are left to the command.  The exit status is the command's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  struct rusage usage;
  double start;
  pid_t pid;
  int status;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s COMMAND [ARGS...]\n", argv[0]);
      return 2;
    }

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 127;
    }
  if (pid == 0)
    {
      execvp (argv[1], argv + 1);
      fprintf (stderr, "%s: %s\n", argv[1], strerror (errno));
      _exit (127);
    }
  if (waitpid (pid, &status, 0) < 0)
    {
      perror ("waitpid");
      return 127;
    }
  getrusage (RUSAGE_CHILDREN, &usage);

  fprintf (stderr, "measure-run: wall_ms=%.1f max_rss_kib=%ld status=%d\n",
           now_ms () - start, usage.ru_maxrss,
           WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status));
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}
