#!/usr/bin/env bash
# Installs Debian's HAProxy (2.5 or newer: the edge rules live in a named defaults section) when it is missing.
# Quick and silent when present, so tests can call it before every proxy start. Prints the haproxy path as the
# LAST line of stdout.
#
#   HAPROXY=/path/to/haproxy   use that (printed back, nothing installed)
set -euo pipefail

log() { echo "install.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

HAPROXY="${HAPROXY:-/usr/sbin/haproxy}"

done_if_present() {
    if [[ -x "$HAPROXY" ]]; then
        echo "$HAPROXY"
        exit 0
    fi
}
done_if_present

command -v apt-get >/dev/null || die "apt-get is required (Debian-like machine); or set HAPROXY"

sudo_cmd=()
if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo: install haproxy by hand"
    sudo_cmd=(sudo)
fi

# Two test JVMs (or helpers) may start at once: the second waits, then finds the first one's result.
if command -v flock >/dev/null; then
    exec 9>"${XDG_RUNTIME_DIR:-/tmp}/chaintill-haproxy-install.lock"
    flock 9
    done_if_present
fi

export DEBIAN_FRONTEND=noninteractive
install() {
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends haproxy >&2
}
log "installing haproxy with apt-get"
if ! install; then
    log "install failed; apt-get update, then once more"
    "${sudo_cmd[@]}" apt-get update -q >&2
    install
fi

[[ -x "$HAPROXY" ]] || die "$HAPROXY still missing after the install"
log "installed: $("$HAPROXY" -v 2>/dev/null | head -n1)"
echo "$HAPROXY"
