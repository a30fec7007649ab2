#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS server for the PostGIS tests: loopback only, its own
# temporary data folder, a free port and its own socket folder. Installs nothing (see
# scripts/install-deps.sh).
#
#   eval "$(scripts/pg-test-server.sh start)"   # starts it, prints the environment to use
#   scripts/pg-test-server.sh env               # prints that environment again
#   scripts/pg-test-server.sh stop              # stops it and removes its folder
#
# The folder is $GREENRENEW_PG_DIR (start creates one under /tmp when it is unset). The role
# `greenrenew` owns the database `greenrenew_test` (with the postgis extension). TCP on
# 127.0.0.1 asks for the password (scram-sha-256), which the environment supplies through a
# pgpass file; a service file names the same server as service `greenrenew_test`. The socket
# folder trusts the server's own OS user only (it is mode 0700).
set -euo pipefail

PG_BIN="${GREENRENEW_PG_BIN:-/usr/lib/postgresql/15/bin}"
ROLE=greenrenew
DATABASE=greenrenew_test
SERVICE=greenrenew_test

die() { echo "pg-test-server: $*" >&2; exit 1; }

# Runs a server program as the server's OS user: initdb and postgres refuse to run as root.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0));
print(s.getsockname()[1])'
}

print_env() {
    local dir="$1"
    [ -f "$dir/port" ] || die "no server in $dir (start it first)"
    local port
    port="$(cat "$dir/port")"
    cat <<EOF
export GREENRENEW_PG_DIR='$dir'
export PGHOST=127.0.0.1
export PGPORT=$port
export PGUSER=$ROLE
export PGDATABASE=$DATABASE
export PGPASSFILE='$dir/pgpass'
export PGSERVICEFILE='$dir/pg_service.conf'
export GREENRENEW_PG_SERVICE=$SERVICE
EOF
}

start() {
    [ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb not found: install postgresql-15 \
(scripts/install-deps.sh)"
    [ -f /usr/share/postgresql/15/extension/postgis.control ] \
        || die "PostGIS is not installed: install postgresql-15-postgis-3 (scripts/install-deps.sh)"
    local dir="${GREENRENEW_PG_DIR:-}"
    if [ -z "$dir" ]; then
        dir="$(mktemp -d /tmp/greenrenew-pg.XXXXXX)"
    fi
    mkdir -p "$dir"
    [ -f "$dir/port" ] && die "a server already runs in $dir (stop it first)"
    chmod 755 "$dir"
    mkdir -p "$dir/data" "$dir/socket"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/data" "$dir/socket"
    chmod 700 "$dir/data" "$dir/socket"

    # The password exists only in this folder (pgpass, mode 0600) and never in any log.
    local password
    password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
    local pwfile="$dir/socket/initdb-password"
    as_owner sh -c "umask 077; cat > '$pwfile'" <<<"$password"
    as_owner "$PG_BIN/initdb" --no-sync -D "$dir/data" -U "$ROLE" --pwfile="$pwfile" \
        -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    as_owner rm -f "$pwfile"

    local port
    port="$(free_port)"
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
        || { cat "$dir/data/server.log" >&2; die "the server did not start"; }
    echo "$port" >"$dir/port"

    umask 077
    printf '127.0.0.1:%s:*:%s:%s\n' "$port" "$ROLE" "$password" >"$dir/pgpass"
    printf '[%s]\nhost=127.0.0.1\nport=%s\ndbname=%s\nuser=%s\n' \
        "$SERVICE" "$port" "$DATABASE" "$ROLE" >"$dir/pg_service.conf"
    umask 022

    as_owner "$PG_BIN/psql" -q -h "$dir/socket" -p "$port" -U "$ROLE" -d postgres \
        -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DATABASE" >/dev/null
    as_owner "$PG_BIN/psql" -q -h "$dir/socket" -p "$port" -U "$ROLE" -d "$DATABASE" \
        -v ON_ERROR_STOP=1 -c "CREATE EXTENSION postgis" >/dev/null
    print_env "$dir"
}

stop() {
    local dir="${GREENRENEW_PG_DIR:-}"
    [ -n "$dir" ] || die "GREENRENEW_PG_DIR is not set (eval the output of start)"
    [ -d "$dir" ] || return 0
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) print_env "${GREENRENEW_PG_DIR:?GREENRENEW_PG_DIR is not set}" ;;
    *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
