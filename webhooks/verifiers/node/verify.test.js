// Run: node --test   (from this folder). Checks verify.js against ../fixtures.json, signed by the server.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { verifyChainTillSignature, verifyBtcpaySig, WebhookSignatureError } = require('./verify.js');

const f = JSON.parse(fs.readFileSync(process.env.CHAINTILL_FIXTURES || path.join(__dirname, '..', 'fixtures.json'), 'utf8'));
const body = Buffer.from(f.body, 'utf8');
const sig = f.headers['ChainTill-Signature'];
const btcpay = f.headers['BTCPay-Sig'];
const at = (now) => ({ now, toleranceSeconds: 300 });
const tampered = Buffer.from(f.body.replace('0.00150000', '0.00150001'), 'utf8');
const rejects = (fn) => assert.throws(fn, WebhookSignatureError);

test('accepts the server ChainTill-Signature, also at the edges of the window', () => {
  verifyChainTillSignature(f.secret, body, sig, at(f.t));
  verifyChainTillSignature(f.secret, body, sig, at(f.t + 300));
  verifyChainTillSignature(f.secret, body, sig, at(f.t - 300));
  verifyChainTillSignature(f.secret, f.body, sig, at(f.t)); // a string body is taken as UTF-8
});

test('accepts the server BTCPay-Sig', () => {
  verifyBtcpaySig(f.secret, body, btcpay);
});

test('accepts any matching v1 and ignores unknown schemes (secret rotation)', () => {
  verifyChainTillSignature(f.secret, body, f.rotationHeader, at(f.t));
  verifyChainTillSignature(f.previousSecret, body, f.rotationHeader, at(f.t));
});

test('rejects a tampered body', () => {
  rejects(() => verifyChainTillSignature(f.secret, tampered, sig, at(f.t)));
  rejects(() => verifyBtcpaySig(f.secret, tampered, btcpay));
});

test('rejects a re-serialized body and refuses parsed JSON', () => {
  rejects(() => verifyChainTillSignature(f.secret, JSON.stringify(JSON.parse(f.body)), sig, at(f.t)));
  assert.throws(() => verifyChainTillSignature(f.secret, JSON.parse(f.body), sig, at(f.t)), TypeError);
});

test('rejects a wrong secret', () => {
  rejects(() => verifyChainTillSignature(f.secret + 'x', body, sig, at(f.t)));
  rejects(() => verifyBtcpaySig('wrong', body, btcpay));
});

test('rejects stale and future timestamps', () => {
  rejects(() => verifyChainTillSignature(f.secret, body, sig, at(f.t + 301)));
  rejects(() => verifyChainTillSignature(f.secret, body, sig, at(f.t - 301)));
  rejects(() => verifyChainTillSignature(f.secret, body, sig)); // real clock: the fixture is long past
  rejects(() => verifyChainTillSignature(f.secret, body, sig.replace(`t=${f.t}`, `t=${f.t + 60}`), at(f.t + 60)));
});

test('rejects missing, malformed and unknown-scheme-only headers', () => {
  rejects(() => verifyChainTillSignature(f.secret, body, undefined, at(f.t)));
  rejects(() => verifyChainTillSignature(f.secret, body, 'garbage', at(f.t)));
  rejects(() => verifyChainTillSignature(f.secret, body, sig.replace('v1=', 'v2='), at(f.t)));
  rejects(() => verifyBtcpaySig(f.secret, body, btcpay.replace('sha256=', '')));
});
