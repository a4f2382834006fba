package io.chaintill.api;

import io.chaintill.application.Caller;
import io.chaintill.application.ChainHeights;
import io.chaintill.application.InvoiceActivity;
import io.chaintill.application.InvoicePayments;
import io.chaintill.application.InvoiceService;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.Invoice;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
    @Inject
    ChainHeights heights;
    @Inject
    InvoiceActivity activity;
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
                          @QueryParam("textSearch") String text, @QueryParam("startDate") String start,
                          @QueryParam("endDate") String end, @QueryParam("includeArchived") @DefaultValue("false") boolean archived,
                          @QueryParam("skip") String skip, @QueryParam("take") String take,
                          @QueryParam("includePaymentMethods") String includePaymentMethods) {
        InvoiceQuery query = InvoiceFilters.query(storeId, orderIds, statuses, text, start, end, archived, skip, take,
                100, MAX_TAKE);
        List<Invoice> found = invoices.search(Callers.required(request), query);
        Map<String, BigDecimal> paid = payments.paidAmounts(found);
        var out = Json.createArrayBuilder();
        boolean withMethods = flag(includePaymentMethods, "includePaymentMethods");
        found.forEach(i -> out.add(json(i, paid.get(i.id()), withMethods)));
        return out.build();
    }

    @GET
    @Path("{invoiceId}")
    public JsonObject get(@PathParam("invoiceId") String invoiceId,
                          @QueryParam("includePaymentMethods") String includePaymentMethods) {
        boolean withMethods = flag(includePaymentMethods, "includePaymentMethods");
        Invoice invoice = invoices.get(Callers.required(request), storeId, invoiceId);
        return json(invoice, payments.paidAmounts(List.of(invoice)).get(invoice.id()), withMethods);
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
        return methodsOf(invoices.get(Callers.required(request), storeId, invoiceId));
    }

    private JsonArray methodsOf(Invoice invoice) {
        var out = Json.createArrayBuilder();
        invoice.prompts().forEach(p -> out.add(PaymentPromptJson.of(p, handlers.require(p.paymentMethodId(), "paymentMethodId"),
                payments.payments(p), heights.scannedHeight(p.paymentMethodId()).orElse(null))));
        return out.build();
    }

    /** ChainTill addition: every recorded event of the invoice, oldest first, with the status each one left. */
    @GET
    @Path("{invoiceId}/events")
    public JsonArray events(@PathParam("invoiceId") String invoiceId) {
        var out = Json.createArrayBuilder();
        activity.events(Callers.required(request), storeId, invoiceId).forEach(e -> out.add(InvoiceEventJson.of(e)));
        return out.build();
    }

    /** ChainTill addition: the webhook deliveries the invoice's events caused, in the delivery log's shape. */
    @GET
    @Path("{invoiceId}/webhook-deliveries")
    public JsonArray webhookDeliveries(@PathParam("invoiceId") String invoiceId) {
        var out = Json.createArrayBuilder();
        activity.deliveries(Callers.required(request), storeId, invoiceId).forEach(d -> out.add(
                WebhookJson.deliveryOfInvoice(d.delivery(), d.attempts())));
        return out.build();
    }

    private JsonObject json(Invoice invoice) {
        return json(invoice, payments.paidAmounts(List.of(invoice)).get(invoice.id()), false);
    }

    /** A boolean query parameter; anything but true/false (any case) is a 422 naming it, not JAX-RS's bare 404. */
    private static boolean flag(String value, String name) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException(name, "must be true or false");
    }

    /** With {@code includePaymentMethods}, BTCPay's list shape: the invoice plus its {@code paymentMethods}. */
    private JsonObject json(Invoice invoice, BigDecimal paidAmount, boolean includePaymentMethods) {
        JsonObject json = InvoiceJson.of(invoice, publicUrl.checkoutLink(uri, invoice.id()), paidAmount);
        return includePaymentMethods ? Json.createObjectBuilder(json).add("paymentMethods", methodsOf(invoice)).build() : json;
    }
}
