#!/usr/bin/env bash
# Builds ChainTill if needed and runs it on port 8080 with an embedded H2 database in ./data.
#   bash deploy/run.sh            server only (configure with CHAINTILL_* variables, see docs/configuration.md)
#   bash deploy/run.sh --demo     also a local regtest bitcoind, a demo store and a paid invoice (deploy/demo.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--demo" ]]; then
  shift
  exec bash deploy/demo.sh "$@"
fi
if [[ ! -f target/chaintill.jar || -n "$(find src pom.xml -newer target/chaintill.jar -print -quit)" ]]; then
  mvn -B -q package -DskipTests
fi
export CHAINTILL_NETWORK="${CHAINTILL_NETWORK:-regtest}"
if [[ "$CHAINTILL_NETWORK" == "regtest" && -z "${CHAINTILL_RATES_PROVIDERS:-}" ]]; then
  # regtest coins have no market price; use a fixed table so invoices in USD/EUR can be priced offline
  export CHAINTILL_RATES_PROVIDERS=fixed
  export CHAINTILL_RATES_FIXED="${CHAINTILL_RATES_FIXED:-BTC_USD:50000,BTC_EUR:46000,BTC_GBP:40000,ETH_USD:2500,ETH_EUR:2300}"
fi
exec java ${JAVA_OPTS:--Xmx1g} -jar target/chaintill.jar --port "${PORT:-8080}" --nocluster "$@"
