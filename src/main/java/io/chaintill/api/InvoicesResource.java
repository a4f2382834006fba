package io.chaintill.api;

import io.chaintill.application.Caller;
import io.chaintill.application.InvoiceService;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.persistence.InvoiceQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Greenfield invoices of a store: create and search (one invoice: {@link InvoiceResource}). */
@Path("api/v1/stores/{storeId}/invoices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoicesResource {
    static final int MAX_TAKE = 1000;

    @Inject
    InvoiceService invoices;
    @Inject
    PublicUrl publicUrl;
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
                          @QueryParam("skip") String skip, @QueryParam("take") String take) {
        InvoiceQuery query = InvoiceFilters.query(storeId, orderIds, statuses, text, start, end, archived, skip, take,
                100, MAX_TAKE);
        var out = Json.createArrayBuilder();
        invoices.search(Callers.required(request), query).forEach(i -> out.add(json(i)));
        return out.build();
    }

    private JsonObject json(Invoice invoice) {
        return InvoiceResource.json(invoice, publicUrl, uri);
    }
}
