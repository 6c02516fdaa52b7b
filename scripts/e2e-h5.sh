#!/usr/bin/env bash
# Starts the built server (fresh MariaDB database, Redis, demo data, H5 build) and runs the
# browser tests in miniapp/e2e against it; always stops the server and drops the database.
set -euo pipefail
cd "$(dirname "$0")/.."
results=${1:-test-results}
mkdir -p "$results"
port=${E2E_PORT:-3999}
db="linyi_e2e_$$"
mysql_url=${TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306}
node scripts/test-database.mjs create "$mysql_url" "$db"
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  node scripts/test-database.mjs drop "$mysql_url" "$db" || true
}
trap cleanup EXIT

PORT=$port DATABASE_URL="$mysql_url/$db" REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379} \
  AUTH_DEV_LOGIN=1 SEED_DEMO=1 LOG_LEVEL=warn H5_DIR=miniapp/dist/h5 \
  node server/dist/main.js >"$results/e2e-server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$results/e2e-server.log"; echo "server exited before it was ready" >&2; exit 1; }
  sleep 0.5
done
LINYI_BASE_URL="http://127.0.0.1:$port" node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/e2e.tap" miniapp/e2e/*.e2e.mjs
