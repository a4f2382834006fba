// POST /hooks/chaintill/:id, the webhook URL of the ChainTill provider registered with that `id`.
// Handled in the request rather than through Medusa's generic /hooks/payment/:provider route and its
// payment-webhook event: that route answers 200 before anyone checked the signature and its subscriber drops
// cancellations, while ChainTill (webhooks/SIGNATURES.md) needs a 401 for a forged or stale delivery and a
// 5xx when processing failed, so that it retries. The provider verifies the signature and maps the state.
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPaymentModuleService, PaymentSessionDTO, WebhookActionResult } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { processPaymentWorkflow } from "@medusajs/medusa/core-flows"

type ChainTillActionData = { session_id: string; amount: unknown; invoice_id: string; invoice_status: string }

// errors thrown here reach Medusa's error handler, which answers 5xx: ChainTill then retries the delivery
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const provider = `chaintill_${req.params.id}`
  const payments = req.scope.resolve<IPaymentModuleService>(Modules.PAYMENT)
  let result: WebhookActionResult
  try {
    result = await payments.getWebhookActionAndData({
      provider,
      payload: { data: req.body as Record<string, unknown>, rawData: (req as any).rawBody, headers: req.headers },
    })
  } catch (e) {
    if (MedusaError.isMedusaError(e) && (e as MedusaError).type === MedusaError.Types.UNAUTHORIZED) {
      res.status(401).json({ message: (e as Error).message })
      return
    }
    throw e
  }
  const data = result.data as ChainTillActionData | undefined
  if (!data || (result.action !== "captured" && result.action !== "canceled")) {
    res.status(200).json({ action: result.action })
    return
  }
  const session = await findSession(payments, data.session_id)
  if (!session || (session.data as Record<string, unknown>)?.invoiceId !== data.invoice_id) {
    // not one of ours, or an invoice the session has since replaced: nothing to do, and retrying won't change it
    res.status(200).json({ action: "not_supported", reason: "no payment session uses this invoice" })
    return
  }
  if (result.action === "captured") {
    if (!session.authorized_at) {
      await processPaymentWorkflow(req.scope).run({ input: result })
    }
  } else if (session.status !== "authorized" && session.status !== "captured") {
    await payments.updatePaymentSession({
      id: session.id,
      amount: session.amount,
      currency_code: session.currency_code,
      data: { ...session.data, invoiceStatus: data.invoice_status },
      status: "canceled",
    })
  }
  res.status(200).json({ action: result.action })
}

async function findSession(payments: IPaymentModuleService, id: string): Promise<PaymentSessionDTO | null> {
  const [session] = await payments.listPaymentSessions({ id })
  return session ?? null
}
