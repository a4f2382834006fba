// ChainTill webhook signature verifier for Node.js (>= 16), no dependencies. Spec: webhooks/SIGNATURES.md.
//
//   // Express: keep the RAW body -- app.post('/hook', express.raw({ type: 'application/json' }), ...)
//   verifyChainTillSignature(secret, req.body /* Buffer */, req.get('ChainTill-Signature'));
//   const event = JSON.parse(req.body.toString('utf8'));   // parse only after verifying
'use strict';

const crypto = require('node:crypto');

const DEFAULT_TOLERANCE_SECONDS = 300;

class WebhookSignatureError extends Error {}

function hmacHex(secret, ...parts) {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new WebhookSignatureError('webhook secret not configured');
  }
  const mac = crypto.createHmac('sha256', Buffer.from(secret, 'utf8'));
  for (const p of parts) mac.update(p);
  return mac.digest('hex');
}

// Constant-time string compare; the length check leaks nothing secret (a hex digest is always 64 chars).
function safeEqual(expected, given) {
  const a = Buffer.from(expected, 'latin1');
  const b = Buffer.from(String(given), 'latin1');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function toBuffer(rawBody) {
  if (Buffer.isBuffer(rawBody)) return rawBody;
  if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
  // A parsed object means the raw bytes are already lost; re-serializing would not match the signature.
  throw new TypeError('rawBody must be the raw request body (Buffer or string), not parsed JSON');
}

/**
 * Verifies `ChainTill-Signature: t=<unix>,v1=<hex>[,v1=...][,vN=...]`. Throws WebhookSignatureError.
 * Passes if ANY v1 matches (several appear during secret rotation); unknown schemes are ignored.
 */
function verifyChainTillSignature(secret, rawBody, header, options = {}) {
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const body = toBuffer(rawBody);
  if (typeof header !== 'string' || header.trim() === '') {
    throw new WebhookSignatureError('missing ChainTill-Signature header');
  }
  let t = null;
  const v1 = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== null) throw new WebhookSignatureError('more than one t= in ChainTill-Signature');
      t = value;
    } else if (key === 'v1') {
      v1.push(value);
    }
  }
  if (t === null || !/^[0-9]{1,15}$/.test(t)) {
    throw new WebhookSignatureError('ChainTill-Signature has no valid t=');
  }
  if (v1.length === 0) throw new WebhookSignatureError('ChainTill-Signature has no v1= signature');
  // The timestamp digits exactly as received, then ".", then the raw body bytes.
  const expected = hmacHex(secret, Buffer.from(t + '.', 'ascii'), body);
  let matched = false;
  for (const candidate of v1) matched = safeEqual(expected, candidate) || matched; // no early exit
  if (!matched) {
    throw new WebhookSignatureError('ChainTill-Signature does not match (wrong secret or altered body)');
  }
  const age = now - Number(t);
  if (Math.abs(age) > tolerance) {
    throw new WebhookSignatureError(`ChainTill-Signature timestamp outside tolerance (${age} s)`);
  }
}

/** Verifies the BTCPay-compatible `BTCPay-Sig: sha256=<hex>` header. No replay protection. */
function verifyBtcpaySig(secret, rawBody, header) {
  const body = toBuffer(rawBody);
  if (typeof header !== 'string' || !header.startsWith('sha256=')) {
    throw new WebhookSignatureError('missing or malformed BTCPay-Sig header');
  }
  if (!safeEqual(hmacHex(secret, body), header.slice('sha256='.length).trim())) {
    throw new WebhookSignatureError('BTCPay-Sig does not match (wrong secret or altered body)');
  }
}

module.exports = { verifyChainTillSignature, verifyBtcpaySig, WebhookSignatureError, DEFAULT_TOLERANCE_SECONDS };
