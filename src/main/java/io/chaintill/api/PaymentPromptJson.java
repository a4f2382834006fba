package io.chaintill.api;

import io.chaintill.application.InvoicePayments;
import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.Payment;
import io.chaintill.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * One entry of {@code GET .../invoices/{id}/payment-methods}. Carries both the Greenfield 2 names
 * (paymentMethodId, currency, paymentMethodFee) and the older ones (paymentMethod, cryptoCode, networkFee) so every
 * plugin generation reads it.
 */
final class PaymentPromptJson {
    private PaymentPromptJson() {
    }

    static JsonObject of(PaymentPrompt prompt, PaymentMethodHandler handler, List<Payment> payments) {
        return of(prompt, handler, payments, null);
    }

    /** With {@code scannedHeight} known, each payment also carries its {@code confirmations} (ChainTill addition). */
    static JsonObject of(PaymentPrompt prompt, PaymentMethodHandler handler, List<Payment> payments, Integer scannedHeight) {
        CryptoAmount paid = InvoicePayments.sumOfValid(prompt, payments);
        CryptoAmount due = prompt.due();
        CryptoAmount remaining = due == null ? null : due.minus(paid).atLeastZero();
        String link = handler.paymentLink(prompt.destination(), remaining);
        var b = Json.createObjectBuilder()
                .add("paymentMethodId", prompt.paymentMethodId().toString())
                .add("paymentMethod", prompt.currency())
                .add("cryptoCode", prompt.currency())
                .add("currency", prompt.currency())
                .add("destination", prompt.destination())
                .add("paymentLink", link)
                .add("rate", prompt.rate().stripTrailingZeros().toPlainString())
                .add("paymentMethodPaid", paid.toPlainString())
                .add("totalPaid", paid.toPlainString())
                .add("networkFee", "0")
                .add("paymentMethodFee", "0")
                .add("payments", payments(payments, scannedHeight))
                .add("activated", true)
                .add("additionalData", Json.createObjectBuilder().add("keyPath", "0/" + prompt.derivationIndex()));
        // a top-up prompt asks for no fixed amount: BTCPay shows "0" for both
        b.add("amount", due == null ? "0" : due.toPlainString());
        b.add("due", remaining == null ? "0" : remaining.toPlainString());
        return b.build();
    }

    /**
     * Greenfield's payment shape; receivedDate in unix seconds, fee unknown to a watch-only server (0). ChainTill adds
     * txid, blockHeight, confirmations and heldReason (why chain integrity holds its settlement, else null) so a merchant can follow a payment without parsing the id.
     */
    private static JsonArrayBuilder payments(List<Payment> payments, Integer scannedHeight) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (Payment p : payments) {
            var b = Json.createObjectBuilder();
            if (scannedHeight != null) {
                b.add("confirmations", p.confirmations(scannedHeight));
            }
            if (p.blockHeight() != null) {
                b.add("blockHeight", p.blockHeight());
            } else {
                b.addNull("blockHeight");
            }
            if (p.held()) {
                b.add("heldReason", p.heldReason());
            } else {
                b.addNull("heldReason");
            }
            out.add(b
                    .add("id", p.publicId())
                    .add("txid", p.txid())
                    .add("receivedDate", p.receivedAt().getEpochSecond())
                    .add("value", p.value().toPlainString())
                    .add("fee", "0")
                    .add("status", p.status().name())
                    .add("destination", p.destination()));
        }
        return out;
    }
}
