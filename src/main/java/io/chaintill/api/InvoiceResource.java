package io.chaintill.api;

import io.chaintill.application.ChainHeights;
import io.chaintill.application.InvoicePayments;
import io.chaintill.application.InvoiceService;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.Invoice;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The Greenfield operations on one invoice, reached from both forms of its path: {@code stores/{storeId}/invoices/{id}}
 * ({@link StoreInvoiceResource}) and {@code invoices/{id}} ({@link StorelessInvoiceResource}). They differ only in
 * how the store is found; the permission is checked on that store either way.
 */
public abstract class InvoiceResource {
    @Inject
    InvoiceService invoices;
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    PublicUrl publicUrl;
    @Inject
    InvoicePayments payments;
    @Inject
    ChainHeights heights;
    @Context
    ContainerRequestContext request;
    @Context
    UriInfo uri;
    @PathParam("invoiceId")
    String invoiceId;

    /** The store the invoice is looked up in. */
    abstract String storeId();

    @GET
    public JsonObject get() {
        return json(invoices.get(Callers.required(request), storeId(), invoiceId));
    }

    /** Replaces the invoice's metadata. */
    @PUT
    public JsonObject update(String body) {
        JsonInput in = JsonInput.parse(body);
        if (!in.has("metadata")) {
            throw new InvalidInputException("metadata", "is required");
        }
        InvoiceJson.Metadata m = InvoiceJson.metadata(in);
        return json(invoices.updateMetadata(Callers.required(request), storeId(), invoiceId, m.json(), m.orderId(), m.searchText()));
    }

    /** Greenfield archives on DELETE; nothing is ever deleted. */
    @DELETE
    public Response archive() {
        invoices.archive(Callers.required(request), storeId(), invoiceId, true);
        return Response.ok().build();
    }

    @POST
    @Path("unarchive")
    public JsonObject unarchive() {
        return json(invoices.archive(Callers.required(request), storeId(), invoiceId, false));
    }

    @POST
    @Path("status")
    public JsonObject mark(String body) {
        String status = JsonInput.parse(body).requiredString("status");
        return json(invoices.mark(Callers.required(request), storeId(), invoiceId, status));
    }

    @GET
    @Path("payment-methods")
    public JsonArray paymentMethods() {
        Invoice invoice = invoices.get(Callers.required(request), storeId(), invoiceId);
        var out = Json.createArrayBuilder();
        invoice.prompts().forEach(p -> out.add(PaymentPromptJson.of(p, handlers.require(p.paymentMethodId(), "paymentMethodId"),
                payments.payments(p), heights.scannedHeight(p.paymentMethodId()).orElse(null))));
        return out.build();
    }

    private JsonObject json(Invoice invoice) {
        return json(invoice, publicUrl, uri);
    }

    static JsonObject json(Invoice invoice, PublicUrl publicUrl, UriInfo uri) {
        return InvoiceJson.of(invoice, publicUrl.checkoutLink(uri, invoice.id()));
    }
}
