#!/usr/bin/env bash
# Usage: source scripts/pg-throwaway.sh
# Starts a throwaway PostgreSQL cluster in a temporary directory, listening only on
# 127.0.0.1 and a socket in that directory, and exports QYZMET_TEST_DATABASE_URL.
# pg_throwaway_stop removes it again. PostgreSQL refuses to run as root, so as root
# the cluster belongs to the postgres system user.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PG_TMP=$(mktemp -d /tmp/qyzmet-pg.XXXXXX)
chmod 755 "$PG_TMP"
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres "$PG_TMP"
as_pg "$pg_bin/initdb" -D "$PG_TMP/data" -A trust -U qyzmet -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 ||
	{ cat "$PG_TMP/initdb.log" >&2; return 1; }
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
as_pg "$pg_bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
	-o "-h 127.0.0.1 -p $PG_PORT -k $PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null ||
	{ cat "$PG_TMP/server.log" >&2; return 1; }
as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U qyzmet qyzmet_test
export QYZMET_TEST_DATABASE_URL="postgres://qyzmet@127.0.0.1:$PG_PORT/qyzmet_test?sslmode=disable"
pg_throwaway_stop() {
	as_pg "$pg_bin/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$PG_TMP"
}
