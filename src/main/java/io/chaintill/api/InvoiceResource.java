package io.chaintill.api;

import io.chaintill.application.Caller;
import io.chaintill.application.InvoiceService;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.Invoice;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
    InvoiceAnswers answers;
    @Context
    ContainerRequestContext request;
    @Context
    UriInfo uri;
    @PathParam("invoiceId")
    String invoiceId;

    /** The store the invoice is looked up in. */
    abstract String storeId();

    @GET
    public JsonObject get(@QueryParam("includePaymentMethods") String includePaymentMethods) {
        boolean withMethods = InvoiceAnswers.includePaymentMethods(includePaymentMethods);
        return answers.one(invoices.get(Callers.required(request), storeId(), invoiceId), uri, withMethods);
    }

    /** Replaces the invoice's metadata. */
    @PUT
    public JsonObject update(String body) {
        Caller caller = Callers.required(request); // who asks comes before what the body says
        JsonInput in = JsonInput.parse(body);
        if (!in.has("metadata")) {
            throw new InvalidInputException("metadata", "is required");
        }
        InvoiceJson.Metadata m = InvoiceJson.metadata(in);
        return json(invoices.updateMetadata(caller, storeId(), invoiceId, m.json(), m.orderId(), m.searchValues()));
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
        Caller caller = Callers.required(request);
        String status = JsonInput.parse(body).requiredString("status");
        return json(invoices.mark(caller, storeId(), invoiceId, status));
    }

    @GET
    @Path("payment-methods")
    public JsonArray paymentMethods() {
        return answers.paymentMethods(invoices.get(Callers.required(request), storeId(), invoiceId));
    }

    private JsonObject json(Invoice invoice) {
        return answers.one(invoice, uri, false);
    }
}
