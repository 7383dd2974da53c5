#!/usr/bin/env bash
# Sets up a fresh clone: the npm packages, then what the real-VS-Code tests need
# (Debian's chromium, and code-server in a cache folder outside the project).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi
bash scripts/install-code-server.sh
echo "setup: done"
