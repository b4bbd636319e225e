#!/usr/bin/env bash
# Stops or starts the test broker that test.sh started (fault tests restart RabbitMQ mid-flow).
# Usage: rabbitmq-control.sh stop|start   (needs the EHUB_RABBITMQ_* variables test.sh exports)
set -euo pipefail
source "$(dirname "$0")/lib-infra.sh"
case "${1:-}" in
  stop) stop_rabbitmq ;;
  start) rabbitmq_up ;;
  *) echo "usage: $0 stop|start" >&2; exit 2 ;;
esac
