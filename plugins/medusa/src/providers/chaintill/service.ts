import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MathBN, MedusaError } from "@medusajs/framework/utils"
import { GreenfieldClient, GreenfieldInvoice } from "./greenfield-client"
import { sessionStatus, webhookAction } from "./invoice-state"
import { verifyChainTillSignature, WebhookSignatureError } from "./signature"

export type ChainTillOptions = {
  /** Base URL of the ChainTill server, e.g. https://pay.example.com */
  serverUrl: string
  /**
   * Greenfield API key with btcpay.store.cancreateinvoice and btcpay.store.canviewinvoices on the store, and
   * btcpay.store.cancreatepullpayments for refunds
   */
  apiKey: string
  storeId: string
  /** Secret of the store's webhook pointing at /hooks/chaintill/<id> */
  webhookSecret: string
  /** Where the checkout page sends the buyer back; {session_id} is replaced. A session's data.redirect_url wins. */
  redirectUrl?: string
  /** Greenfield speedPolicy: HighSpeed (0 conf), MediumSpeed (1), LowMediumSpeed (2), LowSpeed (6) */
  speedPolicy?: string
  /** Minutes the buyer has to pay (ChainTill's default is 15) */
  expirationMinutes?: number
  /** Accepted clock difference for ChainTill-Signature timestamps (default 300 s) */
  webhookToleranceSeconds?: number
}

const URL_LIMIT = 2000
const SPEED_POLICIES = ["HighSpeed", "MediumSpeed", "LowMediumSpeed", "LowSpeed"]

/** What the provider keeps in the payment session's data. */
type SessionData = {
  session_id?: string
  invoiceId?: string
  checkoutLink?: string
  amount?: string
  currency?: string
  invoiceStatus?: string
  additionalStatus?: string
  redirect_url?: string
}

/** One refund as ChainTill made it: a pull payment the buyer claims. */
type Refund = { pullPaymentId: string; viewLink?: string; amount: string; currency: string }

export default class ChainTillPaymentProviderService extends AbstractPaymentProvider<ChainTillOptions> {
  static identifier = "chaintill"

  private readonly options: ChainTillOptions
  private readonly client: GreenfieldClient

  static validateOptions(options: Record<string, unknown>): void {
    for (const key of ["serverUrl", "apiKey", "storeId", "webhookSecret"]) {
      if (typeof options[key] !== "string" || (options[key] as string).trim() === "") {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `ChainTill provider option "${key}" is required`)
      }
    }
    if (!/^https?:\/\//.test(options.serverUrl as string)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `ChainTill provider option "serverUrl" must be an http(s) URL`)
    }
    if (options.speedPolicy !== undefined && !SPEED_POLICIES.includes(options.speedPolicy as string)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `ChainTill provider option "speedPolicy" must be one of ${SPEED_POLICIES.join(", ")}`
      )
    }
  }

  constructor(container: Record<string, unknown>, options: ChainTillOptions) {
    super(container, options)
    this.options = options
    this.client = new GreenfieldClient(options.serverUrl, options.apiKey, options.storeId)
  }

  /** Creates the ChainTill invoice the buyer pays; the storefront sends the buyer to data.checkoutLink. */
  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data = (input.data ?? {}) as SessionData
    const sessionId = data.session_id
    if (!sessionId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "ChainTill needs the payment session id (data.session_id)")
    }
    const invoice = await this.createInvoice(sessionId, input.amount, input.currency_code, data.redirect_url)
    return { id: invoice.id, status: "pending", data: this.sessionData(sessionId, invoice, data.redirect_url) }
  }

  /** An invoice's amount is fixed: a changed cart total gets a new invoice (the old one simply expires). */
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = (input.data ?? {}) as SessionData
    const amount = MathBN.convert(input.amount).toFixed()
    const currency = input.currency_code.toUpperCase()
    if (data.invoiceId && data.amount === amount && data.currency === currency) {
      return { data }
    }
    if (!data.session_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "ChainTill needs the payment session id (data.session_id)")
    }
    const invoice = await this.createInvoice(data.session_id, input.amount, input.currency_code, data.redirect_url)
    return { status: "pending", data: this.sessionData(data.session_id, invoice, data.redirect_url) }
  }

  /** Called when the cart completes: only a Settled invoice authorizes (and at once captures) the payment. */
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const invoice = await this.client.getInvoice(this.invoiceId(input.data))
    return { status: sessionStatus(invoice), data: this.withInvoice(input.data, invoice) }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const invoice = await this.client.getInvoice(this.invoiceId(input.data))
    return { status: sessionStatus(invoice), data: this.withInvoice(input.data, invoice) }
  }

  /** Crypto is captured when the invoice settles; capturing checks that it has. */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const invoice = await this.client.getInvoice(this.invoiceId(input.data))
    if (invoice.status !== "Settled") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `ChainTill invoice ${invoice.id} is ${invoice.status}, not Settled: nothing to capture yet`
      )
    }
    return { data: this.withInvoice(input.data, invoice) }
  }

  /**
   * Asks ChainTill for a refund of the amount in the order's currency (refundVariant Custom): it creates a pull
   * payment, which the buyer claims at its viewLink with an address of their own. The links are kept in the
   * payment's data (refunds) for the merchant to send on.
   */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = (input.data ?? {}) as SessionData & { refunds?: Refund[] }
    const invoiceId = this.invoiceId(input.data)
    const amount = MathBN.convert(input.amount).toFixed()
    if (!(Number(amount) > 0)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "a ChainTill refund needs an amount greater than 0")
    }
    const currency = (data.currency ?? (await this.client.getInvoice(invoiceId)).currency).toUpperCase()
    const pull = await this.client.refundInvoice(invoiceId, {
      refundVariant: "Custom",
      customAmount: amount,
      customCurrency: currency,
      description: `Refund of ${amount} ${currency} for Medusa payment session ${data.session_id ?? invoiceId}`,
    })
    const refund: Refund = { pullPaymentId: pull.id, viewLink: pull.viewLink, amount, currency }
    return { data: { ...data, refunds: [...(data.refunds ?? []), refund] } }
  }

  /** Nothing to undo on ChainTill: an unpaid invoice expires by itself; a paid one stays for the merchant. */
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: input.data }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const invoice = await this.client.getInvoice(this.invoiceId(input.data))
    return { data: this.withInvoice(input.data, invoice) }
  }

  /**
   * Verifies the ChainTill-Signature (throwing UNAUTHORIZED when it fails), then reads the invoice from
   * ChainTill: its current state, not the event's type, decides the action.
   */
  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    try {
      verifyChainTillSignature(this.options.webhookSecret, payload.rawData, header(payload.headers, "chaintill-signature"), {
        toleranceSeconds: this.options.webhookToleranceSeconds,
      })
    } catch (e) {
      if (e instanceof WebhookSignatureError) {
        throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `ChainTill webhook refused: ${e.message}`)
      }
      throw e
    }
    const event = JSON.parse(Buffer.from(payload.rawData as Buffer).toString("utf8"))
    const sessionId = event?.metadata?.orderId
    if (event?.storeId !== this.options.storeId || typeof event?.invoiceId !== "string" || typeof sessionId !== "string"
      || !String(event.type).startsWith("Invoice")) {
      return { action: "not_supported" }
    }
    const invoice = await this.client.getInvoice(event.invoiceId)
    // invoice_id lets the webhook route ignore invoices a session has replaced (see updatePayment)
    const data = { session_id: sessionId, amount: MathBN.convert(invoice.amount), invoice_id: invoice.id, invoice_status: invoice.status }
    return { action: webhookAction(invoice), data }
  }

  private async createInvoice(
    sessionId: string,
    amount: InitiatePaymentInput["amount"],
    currencyCode: string,
    redirectUrl?: string
  ): Promise<GreenfieldInvoice> {
    const checkout: Record<string, unknown> = {}
    const redirect = (redirectUrl ?? this.options.redirectUrl)?.replace("{session_id}", encodeURIComponent(sessionId))
    if (redirect) {
      if (redirect.length > URL_LIMIT || !/^https?:\/\//.test(redirect)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `redirect_url must be an http(s) URL of at most ${URL_LIMIT} characters`)
      }
      checkout.redirectURL = redirect
      checkout.redirectAutomatically = true
    }
    if (this.options.speedPolicy) {
      checkout.speedPolicy = this.options.speedPolicy
    }
    if (this.options.expirationMinutes) {
      checkout.expirationMinutes = this.options.expirationMinutes
    }
    return this.client.createInvoice({
      amount: MathBN.convert(amount).toFixed(),
      currency: currencyCode.toUpperCase(),
      // orderId is what ChainTill's dashboard and search show; it comes back in every webhook
      metadata: { orderId: sessionId, medusaPaymentSessionId: sessionId },
      checkout,
    })
  }

  private sessionData(sessionId: string, invoice: GreenfieldInvoice, redirectUrl?: string): SessionData {
    return {
      session_id: sessionId,
      invoiceId: invoice.id,
      checkoutLink: invoice.checkoutLink,
      amount: MathBN.convert(invoice.amount).toFixed(),
      currency: invoice.currency.toUpperCase(),
      invoiceStatus: invoice.status,
      additionalStatus: invoice.additionalStatus,
      ...(redirectUrl ? { redirect_url: redirectUrl } : {}),
    }
  }

  private withInvoice(data: Record<string, unknown> | undefined, invoice: GreenfieldInvoice): Record<string, unknown> {
    return { ...(data ?? {}), invoiceStatus: invoice.status, additionalStatus: invoice.additionalStatus }
  }

  private invoiceId(data: Record<string, unknown> | undefined): string {
    const id = (data as SessionData | undefined)?.invoiceId
    if (typeof id !== "string" || id === "") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "payment session has no ChainTill invoice (data.invoiceId)")
    }
    return id
  }
}

function header(headers: Record<string, unknown>, name: string): unknown {
  const value = headers?.[name]
  return Array.isArray(value) ? value[0] : value
}
