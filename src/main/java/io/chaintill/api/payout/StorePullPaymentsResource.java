package io.chaintill.api.payout;

import io.chaintill.api.Callers;
import io.chaintill.api.JsonInput;
import io.chaintill.application.payout.PayoutMethods;
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

/** A store's pull payments: list, create, and Greenfield 1's store-scoped get and archive. */
@Path("api/v1/stores/{storeId}/pull-payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StorePullPaymentsResource {
    @Inject
    PullPaymentService pullPayments;
    @Inject
    PayoutMethods methods;
    @Inject
    PullPaymentLinks links;
    @Context
    ContainerRequestContext request;
    @Context
    UriInfo uri;
    @PathParam("storeId")
    String storeId;

    @GET
    public JsonArray list(@QueryParam("includeArchived") @DefaultValue("false") boolean includeArchived) {
        return PayoutJson.pullPayments(pullPayments.list(Callers.required(request), storeId, includeArchived),
                p -> links.viewLink(uri, p.id()));
    }

    @POST
    public JsonObject create(String body) {
        var caller = Callers.required(request);
        PullPayment p = pullPayments.create(caller, storeId, () -> {
            JsonInput in = JsonInput.parse(body);
            return PayoutJson.terms(in, methods.resolve(storeId, in.strings("payoutMethods"), "payoutMethods"));
        });
        return PayoutJson.pullPayment(p, links.viewLink(uri, p.id()));
    }

    @GET
    @Path("{pullPaymentId}")
    public JsonObject get(@PathParam("pullPaymentId") String pullPaymentId) {
        PullPayment p = pullPayments.get(Callers.required(request), storeId, pullPaymentId);
        return PayoutJson.pullPayment(p, links.viewLink(uri, p.id()));
    }

    @DELETE
    @Path("{pullPaymentId}")
    public Response archive(@PathParam("pullPaymentId") String pullPaymentId) {
        pullPayments.archive(Callers.required(request), storeId, pullPaymentId);
        return Response.ok().build();
    }
}
