package io.chaintill.api;

import io.chaintill.application.WebhookService;
import io.chaintill.domain.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** Greenfield webhooks of a store, their delivery log, request bodies and redelivery. */
@Path("api/v1/stores/{storeId}/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksResource {
    static final int MAX_TAKE = 1000;

    @Inject
    WebhookService webhooks;
    @Context
    ContainerRequestContext request;
    @PathParam("storeId")
    String storeId;

    @POST
    public JsonObject create(String body) {
        return WebhookJson.withSecret(webhooks.create(Callers.required(request), storeId,
                WebhookJson.request(JsonInput.parse(body))));
    }

    @GET
    public JsonArray list() {
        var out = Json.createArrayBuilder();
        webhooks.list(Callers.required(request), storeId).forEach(w -> out.add(WebhookJson.of(w)));
        return out.build();
    }

    @GET
    @Path("{webhookId}")
    public JsonObject get(@PathParam("webhookId") String webhookId) {
        return WebhookJson.of(webhooks.get(Callers.required(request), storeId, webhookId));
    }

    @PUT
    @Path("{webhookId}")
    public JsonObject update(@PathParam("webhookId") String webhookId, String body) {
        return WebhookJson.of(webhooks.update(Callers.required(request), storeId, webhookId,
                WebhookJson.request(JsonInput.parse(body))));
    }

    @DELETE
    @Path("{webhookId}")
    public Response delete(@PathParam("webhookId") String webhookId) {
        webhooks.delete(Callers.required(request), storeId, webhookId);
        return Response.ok().build();
    }

    /** Newest first. Greenfield's {@code count}, or {@code skip}/{@code take}. */
    @GET
    @Path("{webhookId}/deliveries")
    public JsonArray deliveries(@PathParam("webhookId") String webhookId, @QueryParam("count") Integer count,
                                @QueryParam("skip") @DefaultValue("0") int skip,
                                @QueryParam("take") @DefaultValue("50") int take) {
        int limit = count != null ? count : take;
        String limitName = count != null ? "count" : "take";
        if (skip < 0) {
            throw new InvalidInputException("skip", "must not be negative");
        }
        if (limit < 1 || limit > MAX_TAKE) {
            throw new InvalidInputException(limitName, "must be between 1 and " + MAX_TAKE);
        }
        var out = Json.createArrayBuilder();
        webhooks.deliveries(Callers.required(request), storeId, webhookId, skip, limit)
                .forEach(d -> out.add(WebhookJson.delivery(d)));
        return out.build();
    }

    @GET
    @Path("{webhookId}/deliveries/{deliveryId}")
    public JsonObject delivery(@PathParam("webhookId") String webhookId, @PathParam("deliveryId") String deliveryId) {
        var log = webhooks.delivery(Callers.required(request), storeId, webhookId, deliveryId);
        return WebhookJson.delivery(log.delivery(), log.attempts());
    }

    /** The exact bytes that were (or will be) sent, so a merchant can replay or inspect them. */
    @GET
    @Path("{webhookId}/deliveries/{deliveryId}/request")
    public Response requestBody(@PathParam("webhookId") String webhookId, @PathParam("deliveryId") String deliveryId) {
        String body = webhooks.request(Callers.required(request), storeId, webhookId, deliveryId);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Greenfield answers with the new delivery's id as a JSON string. */
    @POST
    @Path("{webhookId}/deliveries/{deliveryId}/redeliver")
    public Response redeliver(@PathParam("webhookId") String webhookId, @PathParam("deliveryId") String deliveryId) {
        String id = webhooks.redeliver(Callers.required(request), storeId, webhookId, deliveryId);
        return Response.ok(Json.createValue(id).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
