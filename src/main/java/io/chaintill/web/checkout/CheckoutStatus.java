package io.chaintill.web.checkout;

import io.chaintill.application.CheckoutView;
import io.chaintill.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/**
 * The public status of an invoice as the page's script reads it (status endpoint and event stream), and the
 * status sentence the page shows. Built from the same {@link CheckoutView} as the page, so both always agree.
 */
public final class CheckoutStatus {
    private final CheckoutView view;
    private final CheckoutState state;
    private final CheckoutMessages text;
    private final boolean receipt;

    public CheckoutStatus(CheckoutView view, CheckoutMessages text, boolean receiptOnProcessing) {
        this.view = view;
        this.state = CheckoutState.of(view);
        this.text = text;
        this.receipt = state.receipt(receiptOnProcessing);
    }

    public CheckoutState state() {
        return state;
    }

    public boolean receipt() {
        return receipt;
    }

    /** The merchant's page with placeholders filled, once the receipt is shown; else null. */
    public String redirectUrl() {
        return receipt ? CheckoutRedirect.fill(view.redirectUrl(), view.invoiceId(), view.orderId()) : null;
    }

    /** The method the sentence talks about: the one paid with, else the invoice's default, else the first. */
    CheckoutView.Method mainMethod() {
        return view.methods().stream().filter(m -> m.payments() > 0).findFirst()
                .or(() -> view.defaultMethod() == null ? Optional.<CheckoutView.Method>empty() : view.method(view.defaultMethod()))
                .orElse(view.methods().isEmpty() ? null : view.methods().get(0));
    }

    /** A payment that has its confirmations waits for chain integrity: the buyer is told it is delayed, not lost. */
    public boolean confirmationDelayed() {
        CheckoutView.Method m = mainMethod();
        return (state == CheckoutState.seen || state == CheckoutState.paidLateSeen) && m != null && m.held();
    }

    /** One sentence for the aria-live status line. */
    public String message() {
        CheckoutView.Method m = mainMethod();
        if (confirmationDelayed()) {
            return text.get("state.delayed");
        }
        return switch (state) {
            case partial -> text.get("state.partial", m == null ? "" : m.remaining(), m == null ? "" : m.currency());
            case seen, paidLateSeen -> text.get("state." + state.name(), m == null ? 0 : m.confirmations(),
                    m == null ? 0 : m.confirmationsRequired());
            default -> text.get("state." + state.name());
        };
    }

    /**
     * The invoice's status in the words BTCPay's checkout frame posts to the shop's page ({invoiceId, status}):
     * the legacy BitPay names modal integrations such as BTCPay's WooCommerce plugin compare against.
     */
    public String legacyStatus() {
        return switch (view.status()) {
            case New -> "new";
            case Processing -> "paid";
            case Settled -> "complete";
            case Expired -> "expired";
            case Invalid -> "invalid";
        };
    }

    /** The QR image of a method; {@code v} changes with the amount still due, so a partial payment loads a new one. */
    public static String qrPath(String invoiceId, CheckoutView.Method m) {
        return "/i/" + invoiceId + "/" + m.id() + "/qr.svg?size=280&v=" + m.remainingUnits();
    }

    /** Nothing in it changes with the clock alone, so the event stream sends it only when something happened. */
    public JsonObject json() {
        JsonArrayBuilder methods = Json.createArrayBuilder();
        for (CheckoutView.Method m : view.methods()) {
            JsonObjectBuilder b = Json.createObjectBuilder()
                    .add("id", m.id())
                    .add("currency", m.currency())
                    .add("destination", m.destination())
                    .add("paid", m.paid())
                    .add("paymentLink", m.paymentLink())
                    .add("qr", qrPath(view.invoiceId(), m))
                    .add("payments", m.payments())
                    .add("confirmations", m.confirmations())
                    .add("confirmationsRequired", m.confirmationsRequired());
            nullable(b, "due", m.due());
            nullable(b, "remaining", m.remaining());
            methods.add(b);
        }
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("invoiceId", view.invoiceId())
                .add("status", view.status().name())
                .add("legacyStatus", legacyStatus())
                .add("additionalStatus", view.additionalStatus().name())
                .add("state", state.name())
                .add("payable", state.payable())
                .add("message", message())
                .add("confirmationDelayed", confirmationDelayed())
                .add("expirationTime", view.expiresAt().getEpochSecond())
                .add("receipt", receipt)
                .add("redirectAutomatically", view.redirectAutomatically())
                .add("methods", methods);
        nullable(b, "redirectUrl", redirectUrl());
        return b.build();
    }

    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
