#!/usr/bin/env bash
# ChainTill demo on local chains: builds if needed, starts a private bitcoind (Bitcoin Knots, regtest) and anvil
# (a local Ethereum node, chain id 31337) and ChainTill, creates a demo store with a regtest vpub and an Ethereum
# account xpub, a Bitcoin invoice and an Ether invoice, pays both from the nodes' own funded accounts, mines blocks and
# prints each state change until Settled. The server then keeps running until Ctrl-C (DEMO_EXIT=1 stops right
# after Settled); log in to the dashboard at /dashboard as demo@chaintill.local / demo-password-1.
#
# Env: PORT (ChainTill HTTP, default 8099), DEMO_DIR (state, default a fresh temp dir), DEMO_EXIT.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8099}
DEMO_DIR=${DEMO_DIR:-$(mktemp -d /tmp/chaintill-demo.XXXXXX)}
RPC_PORT=${RPC_PORT:-$((20000 + RANDOM % 20000))}
# BIP84 test vector account (m/84'/1'/0' of "abandon ... about"): public only, its first address is known.
VPUB=vpub5Y6cjg78GGuNLsaPhmYsiw4gYX3HoQiRBiSwDaBXKUafCt9bNwWQiitDk5VZ5BVxYnQdwoTyXSs2JHRPAgjAvtbBrf8ZhDYe2jWAqvZVnsc
# m/44'/60'/0' of the same mnemonic: its first address is 0x9858EfFD232B4033E47d90003D41EC34EcaEda94. Not anvil's own
# mnemonic, whose addresses are anvil's funded development accounts.
ETH_XPUB=xpub6DCoCpSuQZB2jawqnGMEPS63ePKWkwWPH4TU45Q7LPXWuNd8TMtVxRrgjtEshuqpK3mdhaWHPFsBngh5GFZaM6si3yZdUsT8ddYM3PwnATt
ANVIL_PORT=${ANVIL_PORT:-$((40000 + RANDOM % 20000))}
log() { printf '[demo] %s\n' "$*" >&2; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

if [[ ! -f target/ROOT.war || ! -f target/payara-micro.jar || -n "$(find src pom.xml -newer target/ROOT.war -print -quit)" ]]; then
  log "building (mvn package)"; mvn -B -q package -DskipTests
fi
BITCOIND=$(deploy/bitcoind/install.sh | tail -1)
CLI="$(dirname "$BITCOIND")/bitcoin-cli -regtest -datadir=$DEMO_DIR/bitcoind -rpcport=$RPC_PORT -rpcuser=demo -rpcpassword=demo"
mkdir -p "$DEMO_DIR/bitcoind"
PIDS=()
cleanup() {
  log "stopping"
  $CLI stop >/dev/null 2>&1 || true
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

log "starting bitcoind regtest (rpc port $RPC_PORT, data $DEMO_DIR/bitcoind)"
"$BITCOIND" -regtest -datadir="$DEMO_DIR/bitcoind" -rpcport="$RPC_PORT" -rpcbind=127.0.0.1 -rpcallowip=127.0.0.1 \
  -rpcuser=demo -rpcpassword=demo -listen=0 -dnsseed=0 -fallbackfee=0.0002 -txindex=1 -printtoconsole=0 &
PIDS+=($!)
for _ in $(seq 50); do $CLI getblockcount >/dev/null 2>&1 && break; sleep 0.2; done
$CLI createwallet miner >/dev/null
MINER=$($CLI -rpcwallet=miner getnewaddress "" bech32)
$CLI generatetoaddress 101 "$MINER" >/dev/null
log "node at height $($CLI getblockcount), miner wallet funded"

ANVIL=$(deploy/anvil/install.sh | tail -1)
log "starting anvil (chain id 31337, rpc port $ANVIL_PORT)"
"$ANVIL" --host 127.0.0.1 --port "$ANVIL_PORT" --chain-id 31337 >"$DEMO_DIR/anvil.log" 2>&1 &
PIDS+=($!)
ETH_RPC="http://127.0.0.1:$ANVIL_PORT"
eth() { # method, params (JSON array)
  curl -sf -H 'Content-Type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" "$ETH_RPC"
}
for _ in $(seq 50); do eth eth_blockNumber '[]' >/dev/null 2>&1 && break; sleep 0.2; done

log "starting ChainTill on port $PORT (log $DEMO_DIR/chaintill.log)"
CHAINTILL_NETWORK=regtest CHAINTILL_DATA_DIR="$DEMO_DIR/data" CHAINTILL_PUBLIC_URL="http://127.0.0.1:$PORT" \
CHAINTILL_BTC_RPC_URL="http://127.0.0.1:$RPC_PORT" CHAINTILL_BTC_RPC_USER=demo CHAINTILL_BTC_RPC_PASSWORD=demo \
CHAINTILL_ETH_RPC_URL="$ETH_RPC" CHAINTILL_ETH_CHAIN_ID=31337 \
CHAINTILL_RATES_PROVIDERS=fixed CHAINTILL_RATES_FIXED="BTC_USD:50000,ETH_USD:2500,ETH_BTC:0.05" \
CHAINTILL_JOBS_CHAIN_INTERVAL_MS=${CHAINTILL_JOBS_CHAIN_INTERVAL_MS:-1000} \
  java -jar target/payara-micro.jar --deploy target/ROOT.war --port "$PORT" --nocluster --nohazelcast \
  >"$DEMO_DIR/chaintill.log" 2>&1 &
PIDS+=($!)
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 120); do curl -sf "$BASE/api/v1/health" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "$BASE/api/v1/health" >/dev/null || { log "server did not start; see $DEMO_DIR/chaintill.log"; exit 1; }

H='Content-Type: application/json'
curl -sf -H "$H" -d '{"email":"demo@chaintill.local","password":"demo-password-1"}' "$BASE/api/v1/users" >/dev/null
KEY=$(curl -sf -u demo@chaintill.local:demo-password-1 -H "$H" \
  -d '{"label":"demo","permissions":["unrestricted"]}' "$BASE/api/v1/api-keys" | json 'd["apiKey"]')
A="Authorization: token $KEY"
STORE=$(curl -sf -H "$A" -H "$H" -d '{"name":"Demo shop","defaultCurrency":"BTC","speedPolicy":"LowMediumSpeed"}' \
  "$BASE/api/v1/stores" | json 'd["id"]')
curl -sf -X PUT -H "$A" -H "$H" -d "{\"enabled\":true,\"config\":\"$VPUB\"}" \
  "$BASE/api/v1/stores/$STORE/payment-methods/BTC-CHAIN" >/dev/null
INVOICE_JSON=$(curl -sf -H "$A" -H "$H" -d '{"amount":"0.0015","currency":"BTC","metadata":{"orderId":"demo-1"}}' \
  "$BASE/api/v1/stores/$STORE/invoices")
INVOICE=$(echo "$INVOICE_JSON" | json 'd["id"]')
PM=$(curl -sf -H "$A" "$BASE/api/v1/stores/$STORE/invoices/$INVOICE/payment-methods")
ADDRESS=$(echo "$PM" | json 'd[0]["destination"]')
log "store $STORE, invoice $INVOICE"
log "checkout link: $(echo "$INVOICE_JSON" | json 'd["checkoutLink"]')"
log "QR code:       $BASE/i/$INVOICE/BTC-CHAIN/qr.svg  (pay to $ADDRESS: $(echo "$PM" | json 'd[0]["paymentLink"]'))"

status() { curl -sf -H "$A" "$BASE/api/v1/stores/$STORE/invoices/$INVOICE" | json 'd["status"]+"/"+d["additionalStatus"]'; }
LAST=""
watch_until() { # target, seconds
  for _ in $(seq $(( $2 * 5 ))); do
    S=$(status); [[ "$S" != "$LAST" ]] && { log "invoice status: $S"; LAST=$S; }
    [[ "$S" == $1* ]] && return 0; sleep 0.2
  done; return 1
}
watch_until New 5
TXID=$($CLI -rpcwallet=miner sendtoaddress "$ADDRESS" 0.0015)
log "paid 0.0015 BTC in $TXID (unconfirmed)"
watch_until Processing 30
for n in 1 2; do
  $CLI generatetoaddress 1 "$MINER" >/dev/null; log "mined block $($CLI getblockcount) (confirmation $n)"
  [[ $n == 2 ]] && watch_until Settled 30 || sleep 3
done
log "payments: $(curl -sf -H "$A" "$BASE/api/v1/stores/$STORE/invoices/$INVOICE/payment-methods" | json 'd[0]["payments"]')"

# Ether: the same store takes ETH-CHAIN from the account xpub; anvil's first development account pays.
curl -sf -X PUT -H "$A" -H "$H" -d "{\"enabled\":true,\"config\":\"$ETH_XPUB\"}" \
  "$BASE/api/v1/stores/$STORE/payment-methods/ETH-CHAIN" >/dev/null
INVOICE_JSON=$(curl -sf -H "$A" -H "$H" \
  -d '{"amount":"0.05","currency":"ETH","metadata":{"orderId":"demo-2"},"checkout":{"paymentMethods":["ETH-CHAIN"],"speedPolicy":"MediumSpeed"}}' \
  "$BASE/api/v1/stores/$STORE/invoices")
INVOICE=$(echo "$INVOICE_JSON" | json 'd["id"]')
PM=$(curl -sf -H "$A" "$BASE/api/v1/stores/$STORE/invoices/$INVOICE/payment-methods")
ADDRESS=$(echo "$PM" | json 'd[0]["destination"]')
LAST=""
log "Ether invoice $INVOICE: $(echo "$PM" | json 'd[0]["paymentLink"]')"
log "checkout link: $(echo "$INVOICE_JSON" | json 'd["checkoutLink"]')"
watch_until New 5
PAYER=$(eth eth_accounts '[]' | json 'd["result"][0]')
TX=$(eth eth_sendTransaction "[{\"from\":\"$PAYER\",\"to\":\"$ADDRESS\",\"value\":\"0xb1a2bc2ec50000\"}]" | json 'd["result"]')
log "paid 0.05 ETH in $TX (mined at once: 1 confirmation of the 2 MediumSpeed asks)"
watch_until Processing 30
eth evm_mine '[]' >/dev/null; log "mined one more block (confirmation 2)"
watch_until Settled 30
log "health: $(curl -sf "$BASE/api/v1/health")"
[[ "${DEMO_EXIT:-0}" == 1 ]] && exit 0
log "ChainTill keeps running at $BASE (API key $KEY; dashboard $BASE/dashboard as demo@chaintill.local /"
log "demo-password-1); Ctrl-C stops everything"
wait
