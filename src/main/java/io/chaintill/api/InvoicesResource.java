package io.chaintill.api;

import io.chaintill.application.Caller;
import io.chaintill.application.InvoicePayments;
import io.chaintill.application.InvoiceService;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.persistence.InvoiceQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Greenfield invoices of a store. */
@Path("api/v1/stores/{storeId}/invoices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoicesResource {
    static final int MAX_TAKE = 1000;

    @Inject
    InvoiceService invoices;
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    PublicUrl publicUrl;
    @Inject
    InvoicePayments payments;
    @Context
    ContainerRequestContext request;
    @Context
    UriInfo uri;
    @PathParam("storeId")
    String storeId;

    @POST
    public JsonObject create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Caller caller = Callers.required(request);
        return json(invoices.create(caller, storeId, InvoiceJson.request(JsonInput.parse(body)), idempotencyKey));
    }

    @GET
    public JsonArray list(@QueryParam("orderId") List<String> orderIds, @QueryParam("status") List<String> statuses,
                          @QueryParam("textSearch") String text, @QueryParam("startDate") Long start,
                          @QueryParam("endDate") Long end, @QueryParam("includeArchived") @DefaultValue("false") boolean archived,
                          @QueryParam("skip") @DefaultValue("0") int skip, @QueryParam("take") @DefaultValue("100") int take) {
        if (skip < 0) {
            throw new InvalidInputException("skip", "must not be negative");
        }
        if (take < 1 || take > MAX_TAKE) {
            throw new InvalidInputException("take", "must be between 1 and " + MAX_TAKE);
        }
        Set<InvoiceStatus> wanted = EnumSet.noneOf(InvoiceStatus.class);
        for (String s : statuses) {
            wanted.add(status(s, "status"));
        }
        InvoiceQuery query = new InvoiceQuery(storeId, orderIds, wanted, text == null || text.isBlank() ? null : text.trim(),
                start == null ? null : Instant.ofEpochSecond(start), end == null ? null : Instant.ofEpochSecond(end),
                archived, skip, take);
        var out = Json.createArrayBuilder();
        invoices.search(Callers.required(request), query).forEach(i -> out.add(json(i)));
        return out.build();
    }

    @GET
    @Path("{invoiceId}")
    public JsonObject get(@PathParam("invoiceId") String invoiceId) {
        return json(invoices.get(Callers.required(request), storeId, invoiceId));
    }

    /** Replaces the invoice's metadata. */
    @PUT
    @Path("{invoiceId}")
    public JsonObject update(@PathParam("invoiceId") String invoiceId, String body) {
        JsonInput in = JsonInput.parse(body);
        if (!in.has("metadata")) {
            throw new InvalidInputException("metadata", "is required");
        }
        InvoiceJson.Metadata m = InvoiceJson.metadata(in);
        return json(invoices.updateMetadata(Callers.required(request), storeId, invoiceId, m.json(), m.orderId(), m.searchText()));
    }

    /** Greenfield archives on DELETE; nothing is ever deleted. */
    @DELETE
    @Path("{invoiceId}")
    public Response archive(@PathParam("invoiceId") String invoiceId) {
        invoices.archive(Callers.required(request), storeId, invoiceId, true);
        return Response.ok().build();
    }

    @POST
    @Path("{invoiceId}/unarchive")
    public JsonObject unarchive(@PathParam("invoiceId") String invoiceId) {
        return json(invoices.archive(Callers.required(request), storeId, invoiceId, false));
    }

    @POST
    @Path("{invoiceId}/status")
    public JsonObject mark(@PathParam("invoiceId") String invoiceId, String body) {
        String status = JsonInput.parse(body).requiredString("status");
        return json(invoices.mark(Callers.required(request), storeId, invoiceId, status));
    }

    @GET
    @Path("{invoiceId}/payment-methods")
    public JsonArray paymentMethods(@PathParam("invoiceId") String invoiceId) {
        Invoice invoice = invoices.get(Callers.required(request), storeId, invoiceId);
        var out = Json.createArrayBuilder();
        invoice.prompts().forEach(p -> out.add(PaymentPromptJson.of(p, handlers.require(p.paymentMethodId(), "paymentMethodId"),
                payments.payments(p))));
        return out.build();
    }

    private JsonObject json(Invoice invoice) {
        return InvoiceJson.of(invoice, publicUrl.checkoutLink(uri, invoice.id()));
    }

    private static InvoiceStatus status(String value, String field) {
        for (InvoiceStatus s : InvoiceStatus.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new InvalidInputException(field, "must be one of New, Processing, Settled, Expired, Invalid");
    }
}
