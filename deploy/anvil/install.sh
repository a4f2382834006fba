#!/usr/bin/env bash
# Installs anvil (Foundry's local Ethereum node) from the npm package that ships its binary, into a
# private folder: nothing is installed system-wide and no Foundry installer script is run.
# Prints the binary's absolute path as the LAST line of stdout.
#
#   ANVIL=/path/to/anvil   use that binary instead (printed back, nothing installed)
#   CHAINTILL_CACHE=/dir   install under /dir/anvil (default ~/.cache/chaintill)
set -euo pipefail

PACKAGE="@foundry-rs/anvil-linux-amd64"
VERSION="1.7.1"

log() { echo "install.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [[ -n "${ANVIL:-}" ]]; then
    [[ -x "$ANVIL" ]] || die "ANVIL=$ANVIL is not an executable file"
    echo "$ANVIL"
    exit 0
fi

ROOT="${CHAINTILL_CACHE:-$HOME/.cache/chaintill}/anvil"
BINARY="$ROOT/node_modules/$PACKAGE/bin/anvil"
MARKER="$ROOT/.installed"

already_installed() {
    # The marker names the version: a cache from another pinned version is reinstalled.
    if [[ -f "$MARKER" && -x "$BINARY" ]] && grep -qx "$PACKAGE@$VERSION" "$MARKER"; then
        log "already installed ($(cat "$MARKER"))"
        echo "$BINARY"
        exit 0
    fi
}
already_installed

# Two builds (or test JVMs) may install at once: the second waits, then finds the first one's result.
mkdir -p "$(dirname "$ROOT")"
if command -v flock >/dev/null; then
    exec 9>"$ROOT.lock"
    flock 9
    already_installed
fi

[[ "$(uname -s)" == Linux && "$(uname -m)" == x86_64 ]] \
    || die "the pinned package $PACKAGE is for Linux x86_64; on $(uname -s) $(uname -m) set ANVIL=/path/to/anvil"
command -v npm >/dev/null || die "npm is required (apt-get install npm), or set ANVIL=/path/to/anvil"

# Start from a clean folder: a half-finished earlier attempt must not leave mixed files behind.
rm -rf "$ROOT"
mkdir -p "$ROOT"
log "npm install $PACKAGE@$VERSION into $ROOT"
npm install --prefix "$ROOT" --no-audit --no-fund --no-save --loglevel=error "$PACKAGE@$VERSION" >&2

[[ -x "$BINARY" ]] || die "$PACKAGE@$VERSION has no executable at ${BINARY#"$ROOT"/}"

log "installed: $("$BINARY" --version | head -n1)"
echo "$PACKAGE@$VERSION" >"$MARKER"
echo "$BINARY"
