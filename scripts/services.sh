#!/usr/bin/env bash
# Starts throwaway PostgreSQL and Redis servers on loopback for the test suite (and for
# generating PostgreSQL migrations), and prints the variables that point at them.
#   eval "$(bash scripts/services.sh start)"   ...   bash scripts/services.sh stop
set -euo pipefail
STATE_DIR="${COURSE_SERVICES_DIR:-/tmp/course-services}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
PG_PORT="${COURSE_PG_PORT:-55432}"
REDIS_PORT="${COURSE_REDIS_PORT:-56379}"

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  [ -x "$PG_BIN/initdb" ] || { echo "echo 'services.sh: PostgreSQL not found; install it: apt-get install -y postgresql' >&2"; return; }
  local data="$STATE_DIR/pg"
  if ! [ -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    chown -R postgres:postgres "$STATE_DIR" 2>/dev/null || true
    as_postgres "$PG_BIN/initdb" -D "$data" -A trust -U postgres >/dev/null
  fi
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$STATE_DIR/pg.log" -w \
      -o "-p $PG_PORT -k $STATE_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  fi
  echo "export TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
}

start_redis() {
  command -v redis-server >/dev/null || { echo "echo 'services.sh: redis-server not found; install it: apt-get install -y redis-server' >&2"; return; }
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
      --pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log" >/dev/null
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  echo "export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
}

case "${1:-}" in
  start)
    mkdir -p "$STATE_DIR"; chmod 777 "$STATE_DIR"
    start_postgres
    start_redis
    ;;
  stop)
    [ -f "$STATE_DIR/pg/PG_VERSION" ] && as_postgres "$PG_BIN/pg_ctl" -D "$STATE_DIR/pg" -m fast stop >/dev/null 2>&1 || true
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    ;;
  *) echo "usage: services.sh start|stop" >&2; exit 2 ;;
esac
