#!/usr/bin/env bash
# Runs the four reference verifiers' tests (Java, Node, Python, PHP) against verifiers/fixtures.json,
# which the server's own WebhookSigner produced: passing proves each verifier agrees with the server.
# Needs: JDK 17+, Node 18+, Python 3.8+, php-cli (installed via apt-get when missing and run as root).
# Last line is always "<n> passed, <m> failed"; exit status is non-zero when anything failed.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
v="$here/verifiers"
fixtures="$v/fixtures.json"
passed=0
failed=0
failed_names=""

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "ERROR: '$1' not found on PATH; cannot run this suite" >&2
    return 1
  fi
}

ensure_php() {
  command -v php >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ERROR: php not found. Install php-cli (e.g. 'sudo apt-get install php-cli') and re-run." >&2
    return 1
  fi
  echo "php not found; installing php-cli with apt-get (one-off)"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=300)
  # Try without refreshing the index first (fast when lists are current), then with.
  "${apt[@]}" install --no-install-recommends php-cli >/dev/null 2>&1 \
    || { "${apt[@]}" update >/dev/null && "${apt[@]}" install --no-install-recommends php-cli >/dev/null; } \
    || { echo "ERROR: apt-get could not install php-cli" >&2; return 1; }
  need php
}

java_suite() {
  need javac && need java || return 1
  local out rc
  out="$(mktemp -d)"
  javac -d "$out" "$v/java/ChainTillWebhookVerifier.java" \
    && java -cp "$out" "$v/java/ChainTillWebhookVerifierTest.java" "$fixtures"
  rc=$?
  rm -rf "$out"
  return $rc
}

node_suite() {
  need node || return 1
  (cd "$v/node" && CHAINTILL_FIXTURES="$fixtures" node --test verify.test.js)
}

python_suite() {
  need python3 || return 1
  # -B: leave no __pycache__ behind in the source tree.
  (cd "$v/python" && CHAINTILL_FIXTURES="$fixtures" python3 -B -m unittest -v test_verify 2>&1)
}

php_suite() {
  ensure_php || return 1
  php "$v/php/test.php" "$fixtures"
}

for suite in java node python php; do
  echo "=== $suite"
  start=$SECONDS
  if "${suite}_suite"; then
    passed=$((passed + 1))
    echo "=== $suite: PASSED ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failed_names="$failed_names $suite"
    echo "=== $suite: FAILED ($((SECONDS - start)) s)" >&2
  fi
done

[ "$failed" -gt 0 ] && echo "failed suites:$failed_names" >&2
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
