#!/usr/bin/env bash
# Rebuilds the committed *.bin / *.abi next to each *.sol source with solcjs (the npm package solc, pure
# JavaScript: works offline once installed, unlike forge which downloads a native compiler), in two
# folders: the test contracts beside this script and the sweep tool's Sweeper, which ships in the jar
# (src/main/resources/io/chaintill/sweep). Nothing reads the sources at run time; run this after editing one.
#
#   CHAINTILL_CACHE=/dir   solc is installed under /dir/solc (default ~/.cache/chaintill)
set -euo pipefail

SOLC_VERSION="0.8.30"
# paris = no PUSH0 (Shanghai) or later opcodes: the bytecode runs on any EVM chain a test may use.
EVM_VERSION="paris"

here="$(cd "$(dirname "$0")" && pwd)"
shipped="$(cd "$here/../../../main/resources/io/chaintill/sweep" && pwd)"
root="${CHAINTILL_CACHE:-$HOME/.cache/chaintill}/solc"
log() { echo "build.sh: $*" >&2; }

command -v node >/dev/null || { log "ERROR: node and npm are required"; exit 1; }
if ! grep -qx "solc@$SOLC_VERSION" "$root/.installed" 2>/dev/null; then
    log "npm install solc@$SOLC_VERSION into $root"
    rm -rf "$root"
    mkdir -p "$root"
    npm install --prefix "$root" --no-audit --no-fund --no-save --loglevel=error "solc@$SOLC_VERSION" >&2
    echo "solc@$SOLC_VERSION" >"$root/.installed"
fi

# Standard JSON in, *.bin (creation bytecode, hex without 0x) and *.abi (JSON) out per contract.
for dir in "$here" "$shipped"; do
SOLC_MODULE="$root/node_modules/solc" SRC_DIR="$dir" EVM_VERSION="$EVM_VERSION" node - <<'JS'
const fs = require('fs');
const path = require('path');
const solc = require(process.env.SOLC_MODULE);
const dir = process.env.SRC_DIR;
const sources = {};
for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.sol')).sort()) {
  sources[f] = { content: fs.readFileSync(path.join(dir, f), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: process.env.EVM_VERSION,
    // no metadata hash: the same sources give the same bytes on every machine
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (out.errors || []).filter(e => e.severity === 'error');
for (const e of out.errors || []) console.error(e.formattedMessage);
if (errors.length) process.exit(1);
for (const [file, contracts] of Object.entries(out.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    if (!c.evm.bytecode.object) continue; // an interface: no code to deploy
    fs.writeFileSync(path.join(dir, name + '.bin'), c.evm.bytecode.object + '\n');
    fs.writeFileSync(path.join(dir, name + '.abi'), JSON.stringify(c.abi, null, 1) + '\n');
    console.error(`build.sh: ${file} -> ${name}.bin (${c.evm.bytecode.object.length / 2} bytes), ${name}.abi`);
  }
}
console.error('build.sh: compiled with solc ' + solc.version());
JS
done
