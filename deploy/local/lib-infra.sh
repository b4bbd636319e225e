#!/usr/bin/env bash
# Starts and stops throwaway RabbitMQ and PostgreSQL servers on 127.0.0.1 in a temp directory.
# Sourced by test.sh and run-distributed.sh; each start function exports the address it chose.

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_rabbitmq DIR: exports EHUB_RABBITMQ_URL, EHUB_RABBITMQ_NODENAME, EHUB_RABBITMQ_DIR
start_rabbitmq() {
  local dir="$1/rabbitmq"
  mkdir -p "$dir/mnesia" "$dir/log"
  chown -R rabbitmq:rabbitmq "$dir"
  local amqp_port dist_port
  amqp_port=$(free_port); dist_port=$(free_port)
  export EHUB_RABBITMQ_NODENAME="ehub$$@localhost"
  export EHUB_RABBITMQ_DIR="$dir"
  export EHUB_RABBITMQ_PORT="$amqp_port"
  export EHUB_RABBITMQ_DIST_PORT="$dist_port"
  rabbitmq_up
  export EHUB_RABBITMQ_URL="amqp://guest:guest@127.0.0.1:${amqp_port}/"
}

# (Re)starts the node configured by start_rabbitmq: also used by fault tests to restart the broker.
rabbitmq_up() {
  local dir="$EHUB_RABBITMQ_DIR"
  cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:${EHUB_RABBITMQ_PORT}
loopback_users.guest = true
log.console = false
log.file.level = warning
CONF
  if [ ! -f "$dir/.erlang.cookie" ]; then
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/.erlang.cookie"
    chmod 400 "$dir/.erlang.cookie"
  fi
  chown rabbitmq:rabbitmq "$dir/rabbitmq.conf" "$dir/.erlang.cookie"
  # The Debian wrappers in /usr/sbin reset HOME (and so the Erlang cookie); call the real scripts.
  su rabbitmq -s /bin/bash -c "env HOME='$dir' RABBITMQ_NODENAME='$EHUB_RABBITMQ_NODENAME' \
    RABBITMQ_MNESIA_BASE='$dir/mnesia' RABBITMQ_LOG_BASE='$dir/log' \
    RABBITMQ_CONFIG_FILE='$dir/rabbitmq' RABBITMQ_DIST_PORT='$EHUB_RABBITMQ_DIST_PORT' \
    RABBITMQ_ENABLED_PLUGINS_FILE='$dir/enabled_plugins' \
    ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_PID_FILE='$dir/rabbit.pid' \
    /usr/lib/rabbitmq/bin/rabbitmq-server -detached" >/dev/null 2>&1
  local i
  for i in $(seq 1 60); do
    if rabbitmq_ctl -q await_startup >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "RabbitMQ did not start; log:" >&2
  tail -n 30 "$dir"/log/*.log >&2 2>/dev/null
  return 1
}

rabbitmq_ctl() {
  su rabbitmq -s /bin/bash -c "env HOME='$EHUB_RABBITMQ_DIR' ERL_EPMD_ADDRESS=127.0.0.1 /usr/lib/rabbitmq/bin/rabbitmqctl -n '$EHUB_RABBITMQ_NODENAME' $*"
}

stop_rabbitmq() {
  [ -n "${EHUB_RABBITMQ_NODENAME:-}" ] || return 0
  rabbitmq_ctl -q stop >/dev/null 2>&1 || true
  local i
  for i in $(seq 1 20); do
    pgrep -f "$EHUB_RABBITMQ_DIR" >/dev/null || return 0
    sleep 0.5
  done
  pkill -9 -f "$EHUB_RABBITMQ_DIR" 2>/dev/null || true
}

# start_postgres DIR: exports EHUB_POSTGRES (an Npgsql connection string without Database)
start_postgres() {
  local dir="$1/postgres"
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  local port bin
  port=$(free_port)
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  su postgres -c "$bin/initdb -D '$dir/data' -A trust -U postgres --no-sync" >/dev/null
  su postgres -c "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c max_connections=300\" start" >/dev/null
  export EHUB_POSTGRES_DIR="$dir" EHUB_POSTGRES_BIN="$bin"
  export EHUB_POSTGRES="Host=127.0.0.1;Port=${port};Username=postgres;Password=postgres"
}

stop_postgres() {
  [ -n "${EHUB_POSTGRES_DIR:-}" ] || return 0
  su postgres -c "$EHUB_POSTGRES_BIN/pg_ctl -D '$EHUB_POSTGRES_DIR/data' -m fast stop" >/dev/null 2>&1 || true
}
