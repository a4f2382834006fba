package io.chaintill.api;

import io.chaintill.application.ChainHeights;
import io.chaintill.application.InvoicePayments;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Every invoice answer of the API, from the figures it needs beside the invoice itself: {@code paidAmount} from the
 * payments, the checkout link from the request's URL and, with {@code includePaymentMethods}, the payment methods.
 */
@ApplicationScoped
public class InvoiceAnswers {
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    PublicUrl publicUrl;
    @Inject
    InvoicePayments payments;
    @Inject
    ChainHeights heights;

    JsonObject one(Invoice invoice, UriInfo uri, boolean includePaymentMethods) {
        return json(invoice, payments.paidAmounts(List.of(invoice)).get(invoice.id()), publicUrl.base(uri), includePaymentMethods);
    }

    /** A list, with one payments query for all of it. */
    JsonArray list(List<Invoice> invoices, UriInfo uri, boolean includePaymentMethods) {
        Map<String, BigDecimal> paid = payments.paidAmounts(invoices);
        String base = publicUrl.base(uri);
        var out = Json.createArrayBuilder();
        invoices.forEach(i -> out.add(json(i, paid.get(i.id()), base, includePaymentMethods)));
        return out.build();
    }

    /** {@code GET .../invoices/{id}/payment-methods}. */
    JsonArray paymentMethods(Invoice invoice) {
        var out = Json.createArrayBuilder();
        invoice.prompts().forEach(p -> out.add(PaymentPromptJson.of(p, handlers.require(p.paymentMethodId(), "paymentMethodId"),
                payments.payments(p), heights.scannedHeight(p.paymentMethodId()).orElse(null))));
        return out.build();
    }

    /** With {@code includePaymentMethods}, BTCPay's list item shape: the invoice plus its {@code paymentMethods}. */
    private JsonObject json(Invoice invoice, BigDecimal paidAmount, String base, boolean includePaymentMethods) {
        JsonObject json = InvoiceJson.of(invoice, PublicUrl.checkoutLink(base, invoice.id()), paidAmount);
        return includePaymentMethods ? Json.createObjectBuilder(json).add("paymentMethods", paymentMethods(invoice)).build() : json;
    }

    /** The {@code includePaymentMethods} query; anything but true/false (any case) is a 422 naming it, not a bare 404. */
    static boolean includePaymentMethods(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException("includePaymentMethods", "must be true or false");
    }
}
