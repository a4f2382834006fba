#!/usr/bin/env bash
# Installs Bitcoin Knots (bitcoind with Core's RPC/P2P/REST/ZMQ) into a private folder without
# touching the system: Debian stable has no bitcoind, sid has bitcoin-knots, and sid's binary needs
# sid's glibc/libstdc++, so everything is unpacked into one folder and run through that folder's
# own dynamic loader. Prints the wrapper's absolute path as the LAST line of stdout.
#
#   BITCOIND=/path/to/bitcoind   use that binary instead (printed back, nothing installed)
#   CHAINTILL_CACHE=/dir         install under /dir/bitcoind (default ~/.cache/chaintill)
set -euo pipefail

log() { echo "install.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [[ -n "${BITCOIND:-}" ]]; then
    [[ -x "$BITCOIND" ]] || die "BITCOIND=$BITCOIND is not an executable file"
    echo "$BITCOIND"
    exit 0
fi

ROOT="${CHAINTILL_CACHE:-$HOME/.cache/chaintill}/bitcoind"
WRAPPER="$ROOT/bin/bitcoind"
MARKER="$ROOT/.installed"

already_installed() {
    if [[ -f "$MARKER" && -x "$WRAPPER" ]]; then
        log "already installed ($(cat "$MARKER"))"
        echo "$WRAPPER"
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

command -v apt-get >/dev/null || die "apt-get is required (Debian-like machine)"
command -v dpkg >/dev/null || die "dpkg is required (Debian-like machine)"

arch="$(dpkg --print-architecture)"
case "$arch" in
    amd64) triplet=x86_64-linux-gnu; loader_name=ld-linux-x86-64.so.2 ;;
    arm64) triplet=aarch64-linux-gnu; loader_name=ld-linux-aarch64.so.1 ;;
    *) die "unsupported architecture $arch" ;;
esac

# The machine's own Debian mirror and suite: sid is fetched from the same mirror so that a machine
# restricted to its configured mirror can still reach it.
find_mirror() {
    local f line
    # deb822 files: the URI of a stanza that has a plain suite (not -security/-updates/-backports)
    for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$f" ]] || continue
        awk '
            function flush() { if (uri != "" && plain) { print uri; found = 1; exit } uri = ""; plain = 0 }
            /^[ \t]*$/ { flush(); next }
            /^URIs:/ { uri = $2 }
            /^Suites:/ { for (i = 2; i <= NF; i++) if ($i !~ /-(security|updates|backports)$/) plain = 1 }
            END { if (!found) flush() }
        ' "$f"
    done
    # one-line format
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f "$f" ]] || continue
        while read -r line; do
            # drop "[options]" then print the URI of a plain suite
            line="$(sed -E 's/\[[^]]*\]//' <<<"$line")"
            read -r type uri suite _ <<<"$line"
            [[ "$type" == deb && -n "${suite:-}" && ! "$suite" =~ -(security|updates|backports)$ ]] && echo "$uri"
        done < <(grep -E '^[[:space:]]*deb[[:space:]]' "$f" || true)
    done
}
mirror="$(find_mirror | grep -E '/debian/?$' | head -n1 || true)"
[[ -n "$mirror" ]] || mirror="$(find_mirror | head -n1 || true)"
[[ -n "$mirror" ]] || die "no Debian mirror found in /etc/apt/sources.list{,.d/*}"
mirror="${mirror%/}"
own_suite="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
[[ -n "$own_suite" ]] || die "cannot tell this machine's Debian suite from /etc/os-release"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[[ -f "$keyring" ]] || die "$keyring missing (package debian-archive-keyring)"
log "mirror $mirror, own suite $own_suite, installing into $ROOT"

# Start from a clean folder: a half-finished earlier attempt must not leave mixed files behind.
rm -rf "$ROOT"
apt_dir="$ROOT/apt"
debs="$ROOT/debs"
tree="$ROOT/tree"
mkdir -p "$apt_dir/etc/preferences.d" "$apt_dir/etc/sources.list.d" "$apt_dir/state/lists/partial" \
    "$apt_dir/cache/archives/partial" "$debs" "$tree" "$ROOT/bin"
: >"$apt_dir/status"
cat >"$apt_dir/etc/sources.list" <<EOF
deb [signed-by=$keyring] $mirror sid main
deb [signed-by=$keyring] $mirror $own_suite main
EOF

# Private state, cache, sources and an empty dpkg status: the system's apt state is never read
# for package selection nor written. Running as root, apt would drop to _apt, which cannot write
# into a private folder under $HOME, so the sandbox user is root here.
apt_opts=(
    -o "Dir::Etc::SourceList=$apt_dir/etc/sources.list"
    -o "Dir::Etc::SourceParts=$apt_dir/etc/sources.list.d"
    -o "Dir::Etc::Preferences=$apt_dir/etc/preferences"
    -o "Dir::Etc::PreferencesParts=$apt_dir/etc/preferences.d"
    -o "Dir::State=$apt_dir/state"
    -o "Dir::State::status=$apt_dir/status"
    -o "Dir::Cache=$apt_dir/cache"
    -o "APT::Architecture=$arch"
    -o "APT::Architectures=$arch"
    -o "Acquire::Languages=none"
    -o "Debug::NoLocking=1"
)
if [[ "$(id -u)" == 0 ]]; then
    apt_opts+=(-o "APT::Sandbox::User=root")
fi

log "apt-get update (sid + $own_suite, private state)"
apt-get "${apt_opts[@]}" -q update >&2

# bitcoind from sid needs sid's C/C++ runtime and libevent; ZeroMQ comes from the machine's own
# suite because its dependencies (libsodium, gnutls, krb5, libbsd) are already on the system.
libevent_pkgs="$(apt-cache "${apt_opts[@]}" depends bitcoin-knots/sid 2>/dev/null \
    | sed -nE 's/^[[:space:]]*\|?Depends: (libevent[^[:space:]]*).*/\1/p' | sort -u | tr '\n' ' ')"
[[ -n "$libevent_pkgs" ]] || libevent_pkgs="libevent-core-2.1-7t64 libevent-extra-2.1-7t64 libevent-pthreads-2.1-7t64"
sid_pkgs=(bitcoin-knots libc6 libstdc++6 libgcc-s1 $libevent_pkgs)
own_pkgs=(libzmq5 libnorm1 libpgm-5.3-0)

log "downloading ${sid_pkgs[*]} (sid) and ${own_pkgs[*]} ($own_suite)"
(
    cd "$debs"
    apt-get "${apt_opts[@]}" -q download "${sid_pkgs[@]/%//sid}" "${own_pkgs[@]/%//$own_suite}" >&2
)

for deb in "$debs"/*.deb; do
    log "unpacking $(basename "$deb")"
    dpkg -x "$deb" "$tree"
done

real="$tree/usr/bin/bitcoind"
[[ -x "$real" ]] || die "bitcoin-knots did not contain usr/bin/bitcoind"
loader="$tree/usr/lib/$triplet/$loader_name"
[[ -e "$loader" ]] || loader="$tree/lib/$triplet/$loader_name"
[[ -e "$loader" ]] || die "no $loader_name inside the unpacked libc6"
# Private libraries first; the system's for what the machine already has (libsodium, gnutls ...).
lib_path="$tree/usr/lib/$triplet:$tree/lib/$triplet:/lib/$triplet:/usr/lib/$triplet"

missing="$("$loader" --library-path "$lib_path" --list "$real" 2>&1 | grep 'not found' || true)"
[[ -z "$missing" ]] || die "bitcoind still misses libraries:"$'\n'"$missing"

write_wrapper() { # name
    local target="$tree/usr/bin/$1"
    [[ -x "$target" ]] || return 0
    cat >"$ROOT/bin/$1" <<EOF
#!/bin/sh
# Generated by deploy/bitcoind/install.sh: runs Bitcoin Knots with its own glibc and libraries.
exec "$loader" --library-path "$lib_path" "$target" "\$@"
EOF
    chmod 755 "$ROOT/bin/$1"
}
write_wrapper bitcoind
write_wrapper bitcoin-cli

version="$("$WRAPPER" -version | head -n1)"
log "installed: $version"
# The downloaded .deb files and apt lists are no longer needed.
rm -rf "$debs" "$apt_dir"
echo "$version" >"$MARKER"
echo "$WRAPPER"
