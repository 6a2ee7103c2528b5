#!/usr/bin/env bash
# Run a command with MOT_TEST_DATABASE_URL pointing at a throwaway PostgreSQL cluster on
# 127.0.0.1 (tests/postgres.sh), started for it and stopped after it. When the variable is
# already set it is used as it is; when no PostgreSQL server is installed the command runs
# without it (the store's PostgreSQL tests then skip and say why).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -n "${MOT_TEST_DATABASE_URL:-}" ]; then exec "$@"; fi
if url="$(bash "$here/postgres.sh" start 2>/dev/null)"; then
  export MOT_TEST_DATABASE_URL="$url"
  "$@"; status=$?
  bash "$here/postgres.sh" stop
  exit $status
fi
echo "no PostgreSQL server installed: the store's PostgreSQL tests will be skipped" >&2
exec "$@"
