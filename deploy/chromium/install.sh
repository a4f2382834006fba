#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the browser tests (support/Browser) when either
# /usr/bin/chromium or /usr/bin/chromedriver is missing. Quick and silent apart from the two paths
# when both are present, so tests can call it before every browser start.
# Prints the two paths as the LAST two lines of stdout: chromium first, chromedriver second.
#
#   CHROMIUM=/path/to/chromium CHROMEDRIVER=/path/to/chromedriver   use those (printed back, nothing installed)
set -euo pipefail

log() { echo "install.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

done_if_present() {
    if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
        echo "$CHROMIUM"
        echo "$CHROMEDRIVER"
        exit 0
    fi
}
done_if_present

command -v apt-get >/dev/null || die "apt-get is required (Debian-like machine); or set CHROMIUM and CHROMEDRIVER"

# Root in CI (a fresh machine); sudo only for a developer's own account.
sudo_cmd=()
if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo: install chromium and chromium-driver by hand"
    sudo_cmd=(sudo)
fi

# Two test JVMs (or helpers) may start at once: the second waits, then finds the first one's result.
if command -v flock >/dev/null; then
    lock_dir="${XDG_RUNTIME_DIR:-/tmp}"
    exec 9>"$lock_dir/chaintill-chromium-install.lock"
    flock 9
    done_if_present
fi

export DEBIAN_FRONTEND=noninteractive
install() {
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends chromium chromium-driver >&2
}
log "installing chromium and chromium-driver with apt-get"
# The package lists of a fresh machine may be missing or stale: refresh them only when needed.
if ! install; then
    log "install failed; apt-get update, then once more"
    "${sudo_cmd[@]}" apt-get update -q >&2
    install
fi

[[ -x "$CHROMIUM" ]] || die "$CHROMIUM still missing after the install"
[[ -x "$CHROMEDRIVER" ]] || die "$CHROMEDRIVER still missing after the install"
log "installed: $("$CHROMIUM" --version 2>/dev/null | head -n1); $("$CHROMEDRIVER" --version 2>/dev/null | head -n1)"
echo "$CHROMIUM"
echo "$CHROMEDRIVER"
