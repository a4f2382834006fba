// The few Greenfield calls the provider needs, over Node's fetch. ChainTill speaks BTCPay Server's Greenfield
// API, so this client works against BTCPay too.
import { MedusaError } from "@medusajs/framework/utils"

export type GreenfieldInvoice = {
  id: string
  storeId: string
  amount: string
  currency: string
  status: "New" | "Processing" | "Settled" | "Expired" | "Invalid"
  additionalStatus: string
  checkoutLink: string
  metadata?: Record<string, unknown>
}

export type CreateInvoiceRequest = {
  amount: string
  currency: string
  metadata: Record<string, unknown>
  checkout: Record<string, unknown>
}

/** BTCPay's RefundInvoiceRequest (Greenfield v2.4.1). */
export type RefundInvoiceRequest = {
  refundVariant: "RateThen" | "CurrentRate" | "OverpaidAmount" | "Fiat" | "Custom"
  name?: string | null
  description?: string
  payoutMethods?: string[] | null
  subtractPercentage?: string
  customAmount?: string
  customCurrency?: string
}

/** The pull payment a refund creates: the buyer claims it, with their own address, at viewLink. */
export type PullPayment = {
  id: string
  name?: string
  currency?: string
  amount?: string
  viewLink?: string
}

const TIMEOUT_MS = 15_000
const ERROR_TEXT_LIMIT = 300

export class GreenfieldClient {
  constructor(
    private readonly serverUrl: string,
    private readonly apiKey: string,
    private readonly storeId: string
  ) {}

  createInvoice(body: CreateInvoiceRequest): Promise<GreenfieldInvoice> {
    return this.call("POST", `/api/v1/stores/${encodeURIComponent(this.storeId)}/invoices`, body)
  }

  getInvoice(invoiceId: string): Promise<GreenfieldInvoice> {
    return this.call(
      "GET",
      `/api/v1/stores/${encodeURIComponent(this.storeId)}/invoices/${encodeURIComponent(invoiceId)}`
    )
  }

  /**
   * Greenfield v2.4.1's POST /api/v1/invoices/{invoiceId}/refund; a server without it (404) is asked at the
   * store-scoped path that BTCPay 1.x documents and 2.x still serves.
   */
  async refundInvoice(invoiceId: string, body: RefundInvoiceRequest): Promise<PullPayment> {
    const id = encodeURIComponent(invoiceId)
    try {
      return await this.call("POST", `/api/v1/invoices/${id}/refund`, body)
    } catch (e) {
      if (!(e instanceof MedusaError) || e.type !== MedusaError.Types.NOT_FOUND) {
        throw e
      }
      return this.call("POST", `/api/v1/stores/${encodeURIComponent(this.storeId)}/invoices/${id}/refund`, body)
    }
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response
    try {
      response = await fetch(this.serverUrl.replace(/\/+$/, "") + path, {
        method,
        headers: {
          Authorization: `token ${this.apiKey}`,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
    } catch (e) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `ChainTill not reachable at ${this.serverUrl}: ${(e as Error).message}`
      )
    }
    const text = await response.text()
    if (!response.ok) {
      throw new MedusaError(
        response.status === 404 ? MedusaError.Types.NOT_FOUND : MedusaError.Types.UNEXPECTED_STATE,
        `ChainTill ${method} ${path} answered HTTP ${response.status}: ${describeError(text)}`
      )
    }
    return JSON.parse(text) as T
  }
}

/** Greenfield errors are `{code, message}` or a validation list `[{path, message}]`. */
function describeError(text: string): string {
  try {
    const parsed = JSON.parse(text)
    if (Array.isArray(parsed)) {
      return parsed.map((e) => `${e.path}: ${e.message}`).join("; ").slice(0, ERROR_TEXT_LIMIT)
    }
    if (parsed && typeof parsed.message === "string") {
      return parsed.message.slice(0, ERROR_TEXT_LIMIT)
    }
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, ERROR_TEXT_LIMIT)
}
