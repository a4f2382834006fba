package io.chaintill.api.payout;

import io.chaintill.api.Callers;
import io.chaintill.application.payout.PayoutService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** A store's payouts, newest first. */
@Path("api/v1/stores/{storeId}/payouts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorePayoutsResource {
    @Inject
    PayoutService payouts;
    @Context
    ContainerRequestContext request;
    @PathParam("storeId")
    String storeId;

    @GET
    public JsonArray list(@QueryParam("includeCancelled") @DefaultValue("false") boolean includeCancelled) {
        return PayoutJson.payouts(payouts.ofStore(Callers.required(request), storeId, includeCancelled), payouts::paymentLink);
    }
}
