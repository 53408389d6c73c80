#!/bin/sh
# check-layers.sh: the model includes nothing of the store, and only the
# store talks to a database engine
#
# src/model/ holds the types and list models that every other layer uses;
# src/store/ builds on them (SQLite, schema, queries).  A model file that
# included a store header or <sqlite3.h> would make the two a cycle, and
# tie the model to one database engine.
#
# The store is also the only room that knows the engine (issue 16: SQLite
# or PostgreSQL): outside src/store/, no file may name SQLite's API
# (sqlite3…, SQLITE_…) or include libpq's header; they ask the store
# (amends-store-rows.h, for instance).  Prints each such line with its
# file and line number, and fails if there is one.
#
# Usage: check-layers.sh SRCDIR   (the project's src/)
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

src=${1:?usage: check-layers.sh SRCDIR}
status=0
n_files=0

# The headers that live in the store, by name: a model file includes
# them as "name.h", found through the include path.
store_headers=$(cd "$src/store" && ls *.h)

for file in "$src"/model/*.c "$src"/model/*.h; do
  [ -e "$file" ] || continue
  n_files=$((n_files + 1))
  # "42:#include <sqlite3.h>" for each include line
  grep -n '^[[:space:]]*#[[:space:]]*include' "$file" |
  while IFS= read -r line; do
    number=${line%%:*}
    header=$(printf '%s\n' "${line#*:}" | sed -n 's/.*[<"]\([^>"]*\)[>"].*/\1/p')
    why=
    case "$header" in
      sqlite3.h|*/sqlite3.h) why="the database engine's own header" ;;
    esac
    for store_header in $store_headers; do
      if [ "${header##*/}" = "$store_header" ]; then
        why="a header of src/store/"
      fi
    done
    if [ -n "$why" ]; then
      echo "src/model/${file##*/}:$number: includes $header, $why"
    fi
  done
done > "${TMPDIR:-/tmp}/check-layers.$$"

if [ -s "${TMPDIR:-/tmp}/check-layers.$$" ]; then
  cat "${TMPDIR:-/tmp}/check-layers.$$"
  echo "The model must not include the store: see src/model/amends-case-source.h."
  status=1
else
  echo "$n_files files of src/model/ include nothing of src/store/ nor sqlite3.h."
fi
rm -f "${TMPDIR:-/tmp}/check-layers.$$"

# The engine's API outside the store: "src/io/x.c:42: sqlite3_step (stmt);".
# Comments count too: a file that has no business with the engine has no
# reason to name its calls.
engine_uses=$(
  cd "$src" &&
  find . -path ./store -prune -o -type f \( -name '*.c' -o -name '*.h' \) -print |
  sort |
  while IFS= read -r file; do
    grep -n -E 'sqlite3|SQLITE_[A-Z]|libpq-fe\.h' "$file" |
    while IFS= read -r line; do
      echo "src/${file#./}:${line%%:*}: ${line#*:}"
    done
  done
)
n_outside=$(cd "$src" && find . -path ./store -prune -o -type f \( -name '*.c' -o -name '*.h' \) -print | wc -l)

if [ -n "$engine_uses" ]; then
  printf '%s\n' "$engine_uses"
  echo "Only src/store/ may use the database engine's API (sqlite3, libpq): give the store a function instead."
  status=1
else
  echo "$n_outside files outside src/store/ name neither sqlite3 nor libpq-fe.h."
fi

exit $status
