// The port must agree with the server: webhooks/verifiers/fixtures.json was signed by ChainTill's WebhookSigner.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { verifyChainTillSignature, WebhookSignatureError } from "../signature"
import { sessionStatus, webhookAction } from "../invoice-state"

const f = JSON.parse(readFileSync(join(__dirname, "../../../../../../webhooks/verifiers/fixtures.json"), "utf8"))
const body = Buffer.from(f.body, "utf8")
const sig = f.headers["ChainTill-Signature"]

describe("verifyChainTillSignature", () => {
  it("accepts the server's signature inside the window, at both edges", () => {
    for (const now of [f.t, f.t + 300, f.t - 300]) {
      expect(() => verifyChainTillSignature(f.secret, body, sig, { now })).not.toThrow()
    }
  })

  it("accepts either secret of a rotation header", () => {
    verifyChainTillSignature(f.secret, body, f.rotationHeader, { now: f.t })
    verifyChainTillSignature(f.previousSecret, body, f.rotationHeader, { now: f.t })
  })

  it("refuses stale, future, altered, wrongly keyed and malformed deliveries", () => {
    const tampered = Buffer.from(f.body.replace("0.00150000", "0.00150001"), "utf8")
    const cases: Array<[string, unknown, unknown, number]> = [
      [f.secret, body, sig, f.t + 301],
      [f.secret, body, sig, f.t - 301],
      [f.secret, tampered, sig, f.t],
      ["another-secret", body, sig, f.t],
      [f.secret, body, `t=${f.t}`, f.t],
      [f.secret, body, `v1=${"0".repeat(64)}`, f.t],
      [f.secret, body, `t=${f.t},t=${f.t},${sig}`, f.t],
      [f.secret, body, undefined, f.t],
      [f.secret, JSON.parse(f.body), sig, f.t],
      ["", body, sig, f.t],
    ]
    for (const [secret, raw, header, now] of cases) {
      expect(() => verifyChainTillSignature(secret as string, raw, header, { now })).toThrow(WebhookSignatureError)
    }
  })
})

describe("invoice state mapping", () => {
  it.each([
    ["New", "pending", "pending"],
    ["Processing", "pending", "pending"],
    ["Settled", "captured", "captured"],
    ["Expired", "canceled", "canceled"],
    ["Invalid", "canceled", "canceled"],
  ] as const)("%s: session %s, webhook action %s", (status, session, action) => {
    expect(sessionStatus({ status })).toBe(session)
    expect(webhookAction({ status })).toBe(action)
  })
})
