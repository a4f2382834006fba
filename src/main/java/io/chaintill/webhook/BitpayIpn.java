package io.chaintill.webhook;

import io.chaintill.domain.invoice.AdditionalStatus;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * BTCPay's legacy BitPay IPN for pay-button invoices (its BitpayIPNSender with fullNotifications on, as its pay
 * buttons ask): which of our invoice events are notified, under which BitPay event code and status, and the body,
 * BitPay's invoice object without the event wrapper (BTCPay sends the wrapper only with extendedNotifications,
 * which a pay button cannot ask for). Like BTCPay's, the body is unsigned and a hint to fetch the invoice, not proof.
 */
public final class BitpayIpn {
    /** One notification: BitPay's event code and name, and the status the body reports. */
    public record Notice(int code, String name, String status) {
    }

    private BitpayIpn() {
    }

    /**
     * The notifications one event causes, first the one the e-mail follows (BTCPay mails once per event); none
     * for events BitPay's full notifications leave out (created, received payment, payment settled).
     */
    public static List<Notice> notices(String eventType, String eventDataJson) {
        JsonObject data = WebhookEnvelope.object(eventDataJson);
        boolean manual = data.getBoolean("manuallyMarked", false);
        List<Notice> out = new ArrayList<>();
        switch (eventType) {
            case "InvoiceProcessing" -> out.add(new Notice(1003, "invoice_paidInFull", "paid"));
            case "InvoiceSettled" -> out.add(manual ? new Notice(2008, "invoice_markedComplete", "complete")
                    : new Notice(1005, "invoice_confirmed", "confirmed"));
            case "InvoiceExpired" -> {
                out.add(new Notice(1004, "invoice_expired", "expired"));
                if (data.getBoolean("partiallyPaid", false)) {
                    out.add(new Notice(2000, "invoice_expiredPaidPartial", "expired"));
                }
            }
            case "InvoiceInvalid" -> out.add(manual ? new Notice(1008, "invoice_markedInvalid", "invalid")
                    : new Notice(1013, "invoice_failedToConfirm", "invalid"));
            default -> {
                // BitPay's full notifications have no counterpart
            }
        }
        return out;
    }

    /** BitPay's invoice object as of the event (times in epoch milliseconds, as BitPay's). */
    public static String body(Invoice invoice, Notice notice, String checkoutLink, Instant happenedAt) {
        JsonObject metadata = WebhookEnvelope.object(invoice.metadataJson());
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", invoice.id())
                .add("url", checkoutLink)
                .add("status", notice.status());
        if (metadata.get("posData") instanceof JsonString pos) {
            b.add("posData", pos.getString());
        }
        // plain digits (10, not 10.000000000000 as stored, nor 1E+1)
        b.add("price", new BigDecimal(invoice.amount().orElse(BigDecimal.ZERO).stripTrailingZeros().toPlainString()));
        b.add("currency", invoice.currency())
                .add("invoiceTime", invoice.createdAt().toEpochMilli())
                .add("expirationTime", invoice.expiresAt().toEpochMilli())
                .add("currentTime", happenedAt.toEpochMilli());
        exceptionStatus(b, invoice.additionalStatus());
        if (invoice.orderId() != null) {
            b.add("orderId", invoice.orderId());
        }
        if (metadata.get("buyerEmail") instanceof JsonString email) {
            b.add("buyerFields", Json.createObjectBuilder().add("buyerEmail", email.getString()));
        }
        // BitPay's BTC-only fields, for old receivers, when the invoice offers bitcoin on chain
        invoice.prompt(PaymentMethodId.BTC_CHAIN).filter(p -> p.due() != null).ifPresent(p -> btc(b, p));
        return b.build().toString();
    }

    private static void btc(JsonObjectBuilder b, PaymentPrompt p) {
        b.add("btcPrice", p.due().toPlainString()).add("rate", p.rate());
    }

    /** BitPay's exceptionStatus: false, or why the invoice is not simply paid. */
    private static void exceptionStatus(JsonObjectBuilder b, AdditionalStatus s) {
        switch (s == null ? AdditionalStatus.None : s) {
            case PaidPartial -> b.add("exceptionStatus", "paidPartial");
            case PaidOver -> b.add("exceptionStatus", "paidOver");
            case PaidLate -> b.add("exceptionStatus", "paidLate");
            case Marked -> b.add("exceptionStatus", "marked");
            default -> b.add("exceptionStatus", false);
        }
    }

}
