// What a ChainTill invoice state means for a Medusa payment session. The invoice as ChainTill reports it
// decides, not the webhook's event type: deliveries can arrive late, twice or out of order, and the invoice
// is always the truth. The README's table is this mapping in words.
import type { PaymentActions, PaymentSessionStatus } from "@medusajs/framework/types"
import type { GreenfieldInvoice } from "./greenfield-client"

/** Status of the Medusa payment session while the invoice is in this state. */
export function sessionStatus(invoice: Pick<GreenfieldInvoice, "status">): PaymentSessionStatus {
  switch (invoice.status) {
    case "Settled":
      // paid and confirmed as the speed policy asks: authorizing captures at once
      return "captured"
    case "Expired":
    case "Invalid":
      return "canceled"
    default:
      // New (maybe partly paid) or Processing (paid, not yet confirmed): no order yet
      return "pending"
  }
}

/** The webhook action Medusa should take for an invoice now in this state. */
export function webhookAction(invoice: Pick<GreenfieldInvoice, "status">): PaymentActions {
  switch (sessionStatus(invoice)) {
    case "captured":
      return "captured"
    case "canceled":
      return "canceled"
    default:
      return "pending"
  }
}
