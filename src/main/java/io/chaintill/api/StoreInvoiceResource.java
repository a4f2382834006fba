package io.chaintill.api;

import io.chaintill.application.InvoiceActivity;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One invoice under its store's path, plus ChainTill's additions that only exist in this form. */
@Path("api/v1/stores/{storeId}/invoices/{invoiceId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoreInvoiceResource extends InvoiceResource {
    @Inject
    InvoiceActivity activity;
    @PathParam("storeId")
    String storeId;

    @Override
    String storeId() {
        return storeId;
    }

    /** ChainTill addition: every recorded event of the invoice, oldest first, with the status each one left. */
    @GET
    @Path("events")
    public JsonArray events() {
        var out = Json.createArrayBuilder();
        activity.events(Callers.required(request), storeId, invoiceId).forEach(e -> out.add(InvoiceEventJson.of(e)));
        return out.build();
    }

    /** ChainTill addition: the webhook deliveries the invoice's events caused, in the delivery log's shape. */
    @GET
    @Path("webhook-deliveries")
    public JsonArray webhookDeliveries() {
        var out = Json.createArrayBuilder();
        activity.deliveries(Callers.required(request), storeId, invoiceId).forEach(d -> out.add(
                WebhookJson.deliveryOfInvoice(d.delivery(), d.attempts())));
        return out.build();
    }
}
