package io.chaintill.api.payout;

import io.chaintill.api.Callers;
import io.chaintill.api.JsonInput;
import io.chaintill.application.payout.PayoutService;
import io.chaintill.application.payout.PullPaymentService;
import io.chaintill.domain.payout.PullPayment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One pull payment by its id. Reading it, its payouts, and claiming it need no credentials (the id is the claim
 * link); archiving it does.
 */
@Path("api/v1/pull-payments/{pullPaymentId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PullPaymentResource {
    @Inject
    PullPaymentService pullPayments;
    @Inject
    PayoutService payouts;
    @Inject
    PullPaymentLinks links;
    @Context
    ContainerRequestContext request;
    @Context
    UriInfo uri;
    @PathParam("pullPaymentId")
    String pullPaymentId;

    @GET
    public JsonObject get() {
        PullPayment p = pullPayments.publicView(pullPaymentId);
        return PayoutJson.pullPayment(p, links.viewLink(uri, p.id()));
    }

    @DELETE
    public Response archive() {
        pullPayments.archive(Callers.required(request), null, pullPaymentId);
        return Response.ok().build();
    }

    @GET
    @Path("payouts")
    public JsonArray payouts(@QueryParam("includeCancelled") @DefaultValue("false") boolean includeCancelled) {
        return PayoutJson.payouts(payouts.ofPullPayment(pullPaymentId, includeCancelled), payouts::paymentLink);
    }

    /** A claim: {@code destination}, {@code amount} (omitted: all that is left), {@code payoutMethodId}. */
    @POST
    @Path("payouts")
    public JsonObject claim(String body) {
        JsonInput in = JsonInput.parse(body);
        String method = in.has("payoutMethodId") ? in.string("payoutMethodId") : in.string("paymentMethod");
        return withLink(payouts.claim(pullPaymentId, in.secret("destination"), method, in.decimal("amount")));
    }

    @GET
    @Path("payouts/{payoutId}")
    public JsonObject payout(@PathParam("payoutId") String payoutId) {
        return withLink(payouts.ofPullPayment(pullPaymentId, payoutId));
    }

    private jakarta.json.JsonObject withLink(io.chaintill.domain.payout.Payout p) {
        return PayoutJson.payout(p, payouts.paymentLink(p));
    }
}
