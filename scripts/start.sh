#!/usr/bin/env bash
# Runs the demo: builds shared, server and the H5 mini-program, then starts the server with demo
# data (seeded once) and dev login. No DATABASE_URL → embedded SQLite in ./data; no REDIS_URL →
# in-process queue. Set them to use MariaDB/MySQL and Redis instead.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm install --no-audit --no-fund
npm run build -w shared
npm run build -w server
if [[ ${SKIP_H5_BUILD:-0} != 1 ]]; then npm run build:h5 -w miniapp; fi
export AUTH_DEV_LOGIN=${AUTH_DEV_LOGIN:-1} SEED_DEMO=${SEED_DEMO:-1} H5_DIR=${H5_DIR:-$PWD/miniapp/dist/h5} DATA_DIR=${DATA_DIR:-$PWD/data}
exec node server/dist/main.js
