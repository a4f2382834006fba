// Prepares a fresh ChainTill server for the Medusa integration test, the way a merchant would through the
// Greenfield API: first user, a store with a regtest xpub, a webhook to Medusa, and a store-scoped API key
// with only the permissions the provider needs. Prints KEY=VALUE lines for plugins/run-tests.sh.
//   node chaintill-setup.mjs <chaintill base URL> <medusa webhook URL>
import { randomBytes } from "node:crypto"

const [base, webhookUrl] = process.argv.slice(2)
// BIP84 account 0 of the "abandon ... about" test mnemonic (m/84'/1'/0'), as the server's own ITs use
const VPUB = "vpub5Y6cjg78GGuNLsaPhmYsiw4gYX3HoQiRBiSwDaBXKUafCt9bNwWQiitDk5VZ5BVxYnQdwoTyXSs2JHRPAgjAvtbBrf8ZhDYe2jWAqvZVnsc"
const email = "medusa-it@chaintill.test"
const password = randomBytes(12).toString("hex")
const basic = "Basic " + Buffer.from(`${email}:${password}`).toString("base64")

async function call(method, path, body, authorization, expected = [200]) {
  const r = await fetch(base + path, {
    method,
    headers: { "Content-Type": "application/json", ...(authorization ? { Authorization: authorization } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await r.text()
  if (!expected.includes(r.status)) {
    throw new Error(`${method} ${path}: HTTP ${r.status} ${text.slice(0, 500)}`)
  }
  return text ? JSON.parse(text) : null
}

await call("POST", "/api/v1/users", { email, password }, undefined, [200, 201])
const admin = "token " + (await call("POST", "/api/v1/api-keys", { label: "medusa-it setup", permissions: ["unrestricted"] }, basic)).apiKey
const store = await call("POST", "/api/v1/stores", { name: "Medusa shop", defaultCurrency: "USD" }, admin)
await call("PUT", `/api/v1/stores/${store.id}/payment-methods/BTC-CHAIN`, { enabled: true, config: VPUB }, admin)
const secret = randomBytes(32).toString("base64url")
await call("POST", `/api/v1/stores/${store.id}/webhooks`, { url: webhookUrl, secret, authorizedEvents: { everything: true } }, admin)
const key = await call("POST", "/api/v1/api-keys", {
  label: "Medusa",
  permissions: [`btcpay.store.cancreateinvoice:${store.id}`, `btcpay.store.canviewinvoices:${store.id}`,
    `btcpay.store.cancreatepullpayments:${store.id}`],
}, admin)

console.log(`CHAINTILL_STORE_ID=${store.id}`)
console.log(`CHAINTILL_API_KEY=${key.apiKey}`)
console.log(`CHAINTILL_WEBHOOK_SECRET=${secret}`)
