#!/usr/bin/env bash
# Installs what the VS Code integration tests need on Debian, offline except for the npm
# registry and Debian's repositories: code-server (a real VS Code, served to a browser),
# Chromium to open it, and what code-server's native modules need to build.
# Idempotent and quick when everything is already there. Run as root (or with sudo).
#
#   bash scripts/install-code-server.sh
#
# BCC_CACHE_DIR (default ~/.cache/bccustomers) is where code-server goes; the test
# driver, test/vscode/runCodeServer.mjs, looks in the same place.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# The ripgrep build that code-server's @vscode/ripgrep postinstall would download from GitHub.
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

HOME_DIR="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
CACHE_DIR="${BCC_CACHE_DIR:-$HOME_DIR/.cache/bccustomers}"
INSTALL_DIR="$CACHE_DIR/code-server-$CODE_SERVER_VERSION"
CODE_SERVER="$INSTALL_DIR/node_modules/.bin/code-server"
STAMP="$INSTALL_DIR/.installed"
APT_PACKAGES=(chromium libkrb5-dev ripgrep python3 make g++ fonts-dejavu-core ca-certificates)

say() { echo "[install-code-server] $*"; }
fail() {
  echo "[install-code-server] ERROR: $1" >&2
  [ $# -gt 1 ] && echo "[install-code-server] To fix it, run: $2" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "'$*' needs root" "sudo $*"
  fi
}

install_apt_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    # "ii" = installed and configured.
    if [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | cut -c1-2)" != "ii" ]; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "Debian packages present: ${APT_PACKAGES[*]}"
    return
  fi
  say "installing Debian packages: ${missing[*]}"
  local command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || fail "apt-get update failed" "$command"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || fail "could not install ${missing[*]}" "$command"
}

check_node() {
  # code-server 4.100.x only runs on Node 20 (its postinstall refuses other versions).
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || true)"
  [ "$major" = 20 ] || fail "code-server $CODE_SERVER_VERSION needs Node.js 20, found '$(node --version 2>/dev/null || echo none)'" \
    "install Node.js 20 and run this script again"
}

# @vscode/ripgrep's postinstall looks in this cache before it downloads; Debian's rg serves.
seed_ripgrep_cache() {
  local cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
  if [ -s "$cache/$RIPGREP_ASSET" ]; then return; fi
  say "seeding $cache/$RIPGREP_ASSET with Debian's /usr/bin/rg"
  local staging
  staging="$(mktemp -d)"
  cp /usr/bin/rg "$staging/rg"
  mkdir -p "$cache"
  tar -czf "$cache/$RIPGREP_ASSET.partial" -C "$staging" rg
  mv "$cache/$RIPGREP_ASSET.partial" "$cache/$RIPGREP_ASSET"
  rm -rf "$staging"
}

# Files that only exist when every install script of code-server really ran.
verify_code_server() {
  local dir="$1" vscode="$1/node_modules/code-server/lib/vscode"
  local file
  for file in \
    "$vscode/node_modules/@vscode/ripgrep/bin/rg" \
    "$vscode/node_modules/kerberos/build/Release/kerberos.node" \
    "$vscode/node_modules/node-pty/build/Release/pty.node" \
    "$vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" \
    "$vscode/node_modules.asar" \
    "$dir/node_modules/argon2/lib/binding/napi-v3/argon2.node"; do
    [ -e "$file" ] || { echo "missing $file" >&2; return 1; }
  done
  "$dir/node_modules/.bin/code-server" --version | grep -q "^$CODE_SERVER_VERSION " \
    || { echo "code-server --version does not report $CODE_SERVER_VERSION" >&2; return 1; }
}

install_code_server() {
  # Installed into a staging folder and moved into place only once verified, so a broken
  # or interrupted install is never taken for a good one.
  local staging="$INSTALL_DIR.partial"
  rm -rf "$staging"
  mkdir -p "$staging"
  # allowScripts: code-server's postinstall builds VS Code's native modules; argon2's builds
  # its own binding.
  cat >"$staging/package.json" <<EOF
{
  "name": "bccustomers-code-server",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF
  say "installing code-server@$CODE_SERVER_VERSION into $INSTALL_DIR (about 2 minutes)"
  local log="$staging/npm-install.log"
  # npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
  # npm_config_yes: the postinstall runs `npx node-gyp`, which would otherwise ask.
  if ! (cd "$staging" && npm_config_unsafe_perm=true npm_config_yes=true \
        npm install --ignore-scripts=false --no-audit --no-fund --loglevel=warn \
        "code-server@$CODE_SERVER_VERSION" >"$log" 2>&1); then
    tail -n 40 "$log" >&2
    fail "npm install code-server@$CODE_SERVER_VERSION failed (full log: $log)" "bash scripts/install-code-server.sh"
  fi
  if ! verify_code_server "$staging"; then
    tail -n 40 "$log" >&2
    fail "code-server installed but its install scripts did not finish (full log: $log)" \
      "rm -rf '$staging' && bash scripts/install-code-server.sh"
  fi
  rm -rf "$INSTALL_DIR"
  mv "$staging" "$INSTALL_DIR"
  date -u +%FT%TZ >"$STAMP"
}

main() {
  install_apt_packages
  if [ -f "$STAMP" ] && [ -x "$CODE_SERVER" ]; then
    say "code-server $CODE_SERVER_VERSION present in $INSTALL_DIR"
  else
    check_node
    command -v npm >/dev/null || fail "npm is not installed" "install Node.js 20 with npm"
    seed_ripgrep_cache
    install_code_server
  fi
  say "ready: $("$CODE_SERVER" --version | head -n 1)"
  say "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'not runnable')"
}

main "$@"
