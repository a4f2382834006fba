// ChainTill-Signature verification (webhooks/SIGNATURES.md in the ChainTill repository): a TypeScript port of
// the reference Node verifier (webhooks/verifiers/node/verify.js), checked against the same server-signed
// fixtures by signature.unit.spec.ts, so the two cannot drift apart unnoticed.
import { createHmac, timingSafeEqual } from "node:crypto"

export const DEFAULT_TOLERANCE_SECONDS = 300

export class WebhookSignatureError extends Error {}

function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "latin1")
  const b = Buffer.from(given, "latin1")
  return a.length === b.length && timingSafeEqual(a, b)
}

function toBuffer(rawBody: unknown): Buffer {
  if (Buffer.isBuffer(rawBody)) {
    return rawBody
  }
  if (typeof rawBody === "string") {
    return Buffer.from(rawBody, "utf8")
  }
  // parsed JSON has lost the bytes the MAC covers; re-serializing would not match
  throw new WebhookSignatureError("raw request body unavailable")
}

/**
 * Verifies `ChainTill-Signature: t=<unix>,v1=<hex>[,v1=...]`: passes if any v1 matches (several appear
 * during a secret rotation), ignores unknown schemes, and refuses a `t` more than `toleranceSeconds` away
 * from `now` in either direction. Throws WebhookSignatureError with a reason that never contains the secret.
 */
export function verifyChainTillSignature(
  secret: string,
  rawBody: unknown,
  header: unknown,
  options: { toleranceSeconds?: number; now?: number } = {}
): void {
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS
  const now = options.now ?? Math.floor(Date.now() / 1000)
  if (typeof secret !== "string" || secret.length === 0) {
    throw new WebhookSignatureError("webhook secret not configured")
  }
  const body = toBuffer(rawBody)
  if (typeof header !== "string" || header.trim() === "") {
    throw new WebhookSignatureError("missing ChainTill-Signature header")
  }
  let t: string | null = null
  const v1: string[] = []
  for (const part of header.split(",")) {
    const eq = part.indexOf("=")
    if (eq < 0) {
      continue
    }
    const key = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    if (key === "t") {
      if (t !== null) {
        throw new WebhookSignatureError("more than one t= in ChainTill-Signature")
      }
      t = value
    } else if (key === "v1") {
      v1.push(value)
    }
  }
  if (t === null || !/^[0-9]{1,15}$/.test(t)) {
    throw new WebhookSignatureError("ChainTill-Signature has no valid t=")
  }
  if (v1.length === 0) {
    throw new WebhookSignatureError("ChainTill-Signature has no v1= signature")
  }
  const mac = createHmac("sha256", Buffer.from(secret, "utf8"))
  mac.update(Buffer.from(t + ".", "ascii"))
  mac.update(body)
  const expected = mac.digest("hex")
  let matched = false
  for (const candidate of v1) {
    matched = safeEqual(expected, candidate) || matched // no early exit: timing must not tell which differs
  }
  if (!matched) {
    throw new WebhookSignatureError("ChainTill-Signature does not match (wrong secret or altered body)")
  }
  const age = now - Number(t)
  if (Math.abs(age) > tolerance) {
    throw new WebhookSignatureError(`ChainTill-Signature timestamp outside tolerance (${age} s)`)
  }
}
