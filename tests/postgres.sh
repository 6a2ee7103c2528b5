#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the store's tests (Debian's postgresql).
#   tests/postgres.sh start   initialise and start it (again if it runs); print its URL
#   tests/postgres.sh stop    stop it and delete its folder
# The tests read the URL from MOT_TEST_DATABASE_URL; without it their PostgreSQL half is
# skipped and says so. As root, the server runs as the postgres user (it refuses root).
set -euo pipefail
command=${1:-start}
dir=${MOT_PG_DIR:-/tmp/mot-test-postgres}
port=${MOT_PG_PORT:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ]; then
  echo "no PostgreSQL server installed (apt-get install postgresql)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop() {
  if [ -f "$dir/PG_VERSION" ]; then as_owner "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
}
if [ "$command" = "stop" ]; then stop; exit 0; fi
stop
mkdir -p "$dir"
if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi
as_owner "$bin/initdb" -D "$dir" -A trust -U mot -E UTF8 --no-sync >/dev/null
as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o \
  "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=200" start >/dev/null
as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U mot mot_test
echo "postgresql+psycopg://mot@127.0.0.1:$port/mot_test"
