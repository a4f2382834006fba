package io.chaintill.api.payout;

import io.chaintill.api.Callers;
import io.chaintill.api.JsonInput;
import io.chaintill.application.payout.RefundService;
import io.chaintill.domain.payout.PullPayment;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST .../invoices/{invoiceId}/refund}: makes the pull payment that refunds the invoice (BTCPay's
 * PullPaymentData answer), under the store's path (Greenfield 1, what the WooCommerce plugin calls) or without it.
 */
public abstract class RefundResource {
    @Inject
    RefundService refunds;
    @Inject
    PullPaymentLinks links;
    @Context
    ContainerRequestContext request;
    @Context
    UriInfo uri;
    @PathParam("invoiceId")
    String invoiceId;

    abstract String storeId();

    @POST
    public JsonObject refund(String body) {
        PullPayment p = refunds.refund(Callers.required(request), storeId(), invoiceId, PayoutJson.refund(JsonInput.parse(body)));
        return PayoutJson.pullPayment(p, links.viewLink(uri, p.id()));
    }
}
