package io.chaintill.application;

import io.chaintill.persistence.PullPaymentRepository;
import io.chaintill.domain.payout.PullPayment;
import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.Payment;
import io.chaintill.domain.payment.PaymentStatus;
import io.chaintill.json.Json;
import io.chaintill.persistence.InvoiceRepository;
import io.chaintill.persistence.PaymentRepository;
import io.chaintill.persistence.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the buyer's view of an invoice ({@link CheckoutView}) for the checkout page, its status endpoint and its
 * event stream. Public: the invoice id is the buyer's capability, as for the QR codes.
 */
@ApplicationScoped
public class CheckoutQuery {
    /** Ids this server hands out; anything else is not looked up at all. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    InvoiceRepository invoices;
    @Inject
    StoreRepository stores;
    @Inject
    PaymentRepository payments;
    @Inject
    ChainHeights heights;
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    PullPaymentRepository pullPayments;

    @Transactional
    public Optional<CheckoutView> find(String invoiceId) {
        if (invoiceId == null || !ID.matcher(invoiceId).matches()) {
            return Optional.empty();
        }
        return invoices.find(invoiceId).map(this::view);
    }

    private CheckoutView view(Invoice invoice) {
        String storeName = stores.find(invoice.storeId()).map(s -> s.settings().name()).orElse("");
        List<CheckoutView.Method> methods = new ArrayList<>();
        for (PaymentPrompt prompt : invoice.prompts()) {
            handlers.find(prompt.paymentMethodId()).ifPresent(h -> methods.add(method(invoice, prompt, h)));
        }
        return new CheckoutView(invoice.id(), storeName, invoice.orderId(), itemDesc(invoice.metadataJson()),
                invoice.amount().orElse(null), invoice.currency(), invoice.status(), invoice.additionalStatus(),
                invoice.expiresAt(), invoice.checkout().defaultLanguage(), invoice.checkout().defaultPaymentMethod(),
                invoice.checkout().redirectUrl(), invoice.checkout().redirectAutomatically(), methods,
                pullPayments.ofInvoice(invoice.id()).stream().filter(p -> !p.archived()).map(PullPayment::id).toList());
    }

    private CheckoutView.Method method(Invoice invoice, PaymentPrompt prompt, PaymentMethodHandler handler) {
        List<Payment> seen = payments.ofPrompt(prompt.id());
        CryptoAmount paid = InvoicePayments.sumOfValid(prompt, seen);
        CryptoAmount due = prompt.due();
        CryptoAmount remaining = due == null ? null : due.minus(paid).atLeastZero();
        // a method without a cursor yet shows what the payments themselves say (in a block or not)
        Optional<Integer> tip = heights.scannedHeight(prompt.paymentMethodId());
        int confirmations = Integer.MAX_VALUE;
        int required = 0;
        int valid = 0;
        for (Payment p : seen) {
            if (!p.valid()) {
                continue;
            }
            valid++;
            int need = handler.confirmationsRequired(invoice.checkout().speedPolicy(), p.replaceable());
            required = Math.max(required, need);
            int have = p.status() == PaymentStatus.Settled ? Math.max(need, tip.map(p::confirmations).orElse(need))
                    : tip.map(p::confirmations).orElse(p.blockHeight() == null ? 0 : 1);
            confirmations = Math.min(confirmations, have);
        }
        if (valid == 0) {
            confirmations = 0;
            required = handler.confirmationsRequired(invoice.checkout().speedPolicy(), false);
        }
        return new CheckoutView.Method(prompt.paymentMethodId().toString(), prompt.currency(), prompt.destination(),
                prompt.rate(), due == null ? null : due.toPlainString(), paid.toPlainString(),
                remaining == null ? null : remaining.toPlainString(),
                remaining == null ? "0" : remaining.units().toString(),
                handler.paymentLink(prompt.destination(), remaining), valid, Math.min(confirmations, required),
                required, handler.network().orElse(null), seen.stream().anyMatch(p -> p.valid() && p.held()));
    }

    /** The one free-form metadata field buyers are meant to see; anything unreadable is simply not shown. */
    static String itemDesc(String metadataJson) {
        if (metadataJson == null || metadataJson.isBlank()) {
            return null;
        }
        try (JsonReader r = Json.createReader(new StringReader(metadataJson))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonObject o && o.get("itemDesc") != null
                    && o.get("itemDesc").getValueType() == JsonValue.ValueType.STRING) {
                return o.getString("itemDesc");
            }
            return null;
        } catch (JsonException e) {
            return null;
        }
    }
}
