#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests of the pg driver.
#   eval "$(.ci/postgres.sh start)"   installs PostgreSQL (Debian package) if missing, starts a
#                                     cluster in a fresh /tmp folder on a free loopback port and
#                                     prints the exports PLANMAAT_TEST_DATABASE_URL, PLANMAAT_TEST_PGDATA
#   .ci/postgres.sh stop "$PLANMAAT_TEST_PGDATA"   stops it and removes the folder
set -euo pipefail

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

as_owner() {
  # initdb and postgres refuse to run as root: use the postgres account then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    bin=$(find_bin || true)
    if [ -z "$bin" ]; then
      echo "== installing PostgreSQL (Debian package)" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
      bin=$(find_bin)
    fi
    data=$(mktemp -d /tmp/planmaat-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$bin/initdb" -D "$data/db" -U planmaat --auth=trust -E UTF8 --no-sync >"$data/initdb.log" 2>&1 \
      || { cat "$data/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >&2 || { cat "$data/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U planmaat planmaat_test >&2
    echo "export PLANMAAT_TEST_DATABASE_URL=postgres://planmaat@127.0.0.1:$port/planmaat_test"
    echo "export PLANMAAT_TEST_PGDATA=$data"
    ;;
  stop)
    data="${2:?usage: postgres.sh stop <folder>}"
    bin=$(find_bin)
    as_owner "$bin/pg_ctl" -D "$data/db" -m fast -w stop >&2 || true
    rm -rf "$data"
    ;;
  *)
    echo "usage: $0 start | stop <folder>" >&2
    exit 2
    ;;
esac
