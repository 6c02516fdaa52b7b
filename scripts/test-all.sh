#!/usr/bin/env bash
# Every test of the project, in the order a failure is cheapest to find. Needs MariaDB and Redis
# on 127.0.0.1 (scripts/ensure-services.sh starts them) and Debian chromium for the browser test.
set -euo pipefail
cd "$(dirname "$0")/.."
results=test-results
rm -rf "$results" && mkdir -p "$results"
step() { printf '\n=== %s\n' "$*"; }
started=$SECONDS

step "shared: build"
npm run build -w shared

step "server: type-check and build"
npx tsc -p server/tsconfig.json --noEmit
npm run build -w server

step "server + shared: unit and integration tests (MariaDB, Redis)"
npm test -w server -- --json --outputFile="$PWD/$results/server.json"

step "mini-program: type-check and component tests"
npm run typecheck -w miniapp
npm test -w miniapp -- --json --outputFile="$PWD/$results/miniapp.json"

step "mini-program: weapp build, main-package size, WeChat's code-quality scan and runtime smoke test"
npm run build:weapp -w miniapp
npm run size -w miniapp
npm run quality -w miniapp
npm run smoke:weapp -w miniapp

step "mini-program: h5 build"
npm run build:h5 -w miniapp

step "browser: H5 build served by the real server (Playwright + chromium)"
bash scripts/e2e-h5.sh "$results"

step "summary ($((SECONDS - started)) s)"
node scripts/summarize-tests.mjs "$results"
