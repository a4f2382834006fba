// The provider's Greenfield requests, against a real HTTP server on 127.0.0.1 standing in for ChainTill: a changed
// amount gets a new invoice (invoices are immutable), and a refund is BTCPay's v2.4.1 RefundInvoiceRequest.
import { createServer, IncomingMessage, Server } from "node:http"
import { AddressInfo } from "node:net"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import ChainTillPaymentProviderService from "../service"

const contract = JSON.parse(readFileSync(join(__dirname, "../../../../../../src/test/resources/greenfield/btcpay-v2.4.1.schemas.json"), "utf8"))

type Seen = { method: string; path: string; auth?: string; body: any }
type Answer = { status: number; body: unknown }

let server: Server
let seen: Seen[] = []
let answer: (r: Seen) => Answer

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let raw = ""
    for await (const chunk of req) raw += chunk
    const r: Seen = { method: req.method!, path: req.url!, auth: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined }
    seen.push(r)
    const a = answer(r)
    res.writeHead(a.status, { "Content-Type": "application/json" }).end(JSON.stringify(a.body))
  })
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
})
afterAll(() => new Promise<void>((ok) => server.close(() => ok())))
beforeEach(() => {
  seen = []
})

function provider() {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return new ChainTillPaymentProviderService({} as any, { serverUrl: url, apiKey: "k", storeId: "S1", webhookSecret: "w" })
}

let invoices = 0
function invoiceFor(r: Seen) {
  invoices++
  return { status: 200, body: { id: `inv${invoices}`, storeId: "S1", amount: r.body.amount, currency: r.body.currency,
    status: "New", additionalStatus: "None", checkoutLink: `http://c/i/inv${invoices}` } }
}

/** The few JSON-schema rules BTCPay's schemas use here: type, enum, required, additionalProperties, nullable. */
function violations(schema: any, value: any, at = "body"): string[] {
  if (schema.$ref) {
    return violations(contract.components.schemas[schema.$ref.split("/").pop()], value, at)
  }
  if (value === null) {
    return schema.nullable ? [] : [`${at}: null`]
  }
  const type = Array.isArray(value) ? "array" : typeof value
  if (schema.type && schema.type !== type) {
    return [`${at}: ${type}, not ${schema.type}`]
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return [`${at}: ${value} not in ${schema.enum}`]
  }
  if (schema.format === "decimal" && !/^-?\d+(\.\d+)?$/.test(value)) {
    return [`${at}: ${value} is not a decimal string`]
  }
  const out: string[] = []
  if (type === "object") {
    for (const r of schema.required ?? []) if (!(r in value)) out.push(`${at}.${r}: missing`)
    for (const [k, v] of Object.entries(value)) {
      const s = schema.properties?.[k]
      if (!s) {
        if (schema.additionalProperties === false) out.push(`${at}.${k}: not in the schema`)
      } else {
        out.push(...violations(s, v, `${at}.${k}`))
      }
    }
  }
  if (type === "array" && schema.items) value.forEach((v: unknown, i: number) => out.push(...violations(schema.items, v, `${at}[${i}]`)))
  return out
}

describe("updatePayment", () => {
  it("keeps the invoice while amount and currency are unchanged, and replaces it when they change", async () => {
    answer = invoiceFor
    const p = provider()
    const first = await p.initiatePayment({ amount: 25, currency_code: "usd", data: { session_id: "ps_1" } } as any)
    expect(first.id).toBe("inv1")
    const same = await p.updatePayment({ amount: 25, currency_code: "usd", data: first.data } as any)
    expect(same.data).toEqual(first.data)
    expect(seen).toHaveLength(1)
    const changed = await p.updatePayment({ amount: 30.5, currency_code: "usd", data: first.data } as any)
    expect(changed.status).toBe("pending")
    expect(changed.data).toMatchObject({ session_id: "ps_1", invoiceId: "inv2", amount: "30.5", currency: "USD",
      checkoutLink: "http://c/i/inv2" })
    expect(seen[1]).toMatchObject({ method: "POST", path: "/api/v1/stores/S1/invoices", auth: "token k",
      body: { amount: "30.5", currency: "USD", metadata: { orderId: "ps_1" } } })
  })
})

describe("refundPayment", () => {
  const data = { session_id: "ps_1", invoiceId: "inv9", amount: "25", currency: "USD" }

  it("posts BTCPay's v2.4.1 RefundInvoiceRequest for the amount and keeps the pull payment's link", async () => {
    answer = () => ({ status: 200, body: { id: "pp1", currency: "USD", amount: "10", viewLink: "http://c/pull-payments/pp1" } })
    const out = await provider().refundPayment({ amount: 10, data } as any)
    const op = contract.operations.find((o: any) => o.operationId === "Invoices_Refund")
    expect(seen).toHaveLength(1)
    expect([seen[0].method, seen[0].path]).toEqual([op.method, op.path.replace("{invoiceId}", "inv9")])
    expect(violations(op.requestBody, seen[0].body)).toEqual([])
    expect(seen[0].body).toMatchObject({ refundVariant: "Custom", customAmount: "10", customCurrency: "USD" })
    expect(violations(op.responses["200"], { id: "pp1", currency: "USD", amount: "10", viewLink: "x" })).toEqual([])
    expect(out.data).toMatchObject({ ...data, refunds: [{ pullPaymentId: "pp1", viewLink: "http://c/pull-payments/pp1", amount: "10", currency: "USD" }] })
  })

  it("falls back to the store-scoped path when the server has no storeless route, and reports a server without either", async () => {
    answer = (r) => r.path.startsWith("/api/v1/stores/") ? { status: 200, body: { id: "pp2" } } : { status: 404, body: { code: "not-found", message: "no route" } }
    const out = await provider().refundPayment({ amount: 25, data } as any)
    expect(seen.map((r) => r.path)).toEqual(["/api/v1/invoices/inv9/refund", "/api/v1/stores/S1/invoices/inv9/refund"])
    expect((out.data as any).refunds[0].pullPaymentId).toBe("pp2")
    answer = () => ({ status: 404, body: { code: "not-found", message: "no route" } })
    await expect(provider().refundPayment({ amount: 25, data } as any)).rejects.toThrow(/answered HTTP 404/)
  })

  it("refuses a zero amount before asking the server", async () => {
    await expect(provider().refundPayment({ amount: 0, data } as any)).rejects.toThrow(/greater than 0/)
    expect(seen).toHaveLength(0)
  })
})
