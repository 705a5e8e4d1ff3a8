#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server:
#
#   .ci/postgres.sh go test -race ./...      (from storage/postgres)
#
# It starts a fresh server in a temporary directory, exports its
# connection string as CLIENTELE_PG_DSN, runs the command, and stops the
# server and removes the directory on exit, also when the command or the
# start fails. The server is Debian's PostgreSQL (pg_config --bindir);
# where it is missing and we are root, it installs the `postgresql`
# package first. As root, the server runs as the `postgres` user (it
# refuses to run as root).
#
# Settings, chosen for a test server and never for data anyone keeps:
# fsync=off, synchronous_commit=off and full_page_writes=off (a crash
# may lose or corrupt the data: it is thrown away anyway), a loopback TCP
# port and a private socket directory (nothing else on the machine can
# collide with it), trust authentication on loopback only,
# shared_buffers=128MB, max_connections=100.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 command [args...]" >&2
  exit 2
fi

bindir=""
if command -v pg_config >/dev/null 2>&1; then
  bindir=$(pg_config --bindir)
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  # Debian's pg_config may belong to libpq-dev alone; the server's own
  # programs live under /usr/lib/postgresql/<major>/bin.
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres.sh: no PostgreSQL server programs found; install Debian's postgresql package" >&2
    exit 1
  fi
  echo "postgres.sh: installing Debian's postgresql package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
fi

dir=$(mktemp -d /tmp/clientele-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$dir"
  as_owner=(runuser -u postgres --)
fi

stop() {
  status=$?
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust \
  --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }

# A free loopback port: try a few at random.
started=""
for _ in 1 2 3 4 5 6 7 8; do
  port=$((20000 + RANDOM % 20000))
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    continue # taken
  fi
  if "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
    "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir \
     -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
     -c shared_buffers=128MB -c max_connections=100" >/dev/null; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  echo "postgres.sh: the server did not start; its log:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
fi

export CLIENTELE_PG_DSN="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
echo "postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $CLIENTELE_PG_DSN (fsync=off, synchronous_commit=off, full_page_writes=off)" >&2
"$@"
