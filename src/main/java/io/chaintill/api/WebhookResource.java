package io.chaintill.api;

import io.chaintill.application.WebhookService;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.json.Json;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * One webhook, its delivery log, request bodies and redelivery, reached from both forms of its path:
 * {@code stores/{storeId}/webhooks/{id}} ({@link StoreWebhookResource}) and {@code webhooks/{id}}
 * ({@link StorelessWebhookResource}). They differ only in how the store is found.
 */
public abstract class WebhookResource {
    static final int MAX_TAKE = 1000;

    @Inject
    WebhookService webhooks;
    @Context
    ContainerRequestContext request;
    @PathParam("webhookId")
    String webhookId;

    /** The store the webhook is looked up in. */
    abstract String storeId();

    @GET
    public JsonObject get() {
        return WebhookJson.of(webhooks.get(Callers.required(request), storeId(), webhookId));
    }

    @PUT
    public JsonObject update(String body) {
        return WebhookJson.of(webhooks.update(Callers.required(request), storeId(), webhookId,
                WebhookJson.request(JsonInput.parse(body))));
    }

    @DELETE
    public Response delete() {
        webhooks.delete(Callers.required(request), storeId(), webhookId);
        return Response.ok().build();
    }

    /** Newest first. Greenfield's {@code count}, or {@code skip}/{@code take}. */
    @GET
    @Path("deliveries")
    public JsonArray deliveries(@QueryParam("count") Integer count, @QueryParam("skip") @DefaultValue("0") int skip,
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
        webhooks.deliveries(Callers.required(request), storeId(), webhookId, skip, limit)
                .forEach(d -> out.add(WebhookJson.delivery(d)));
        return out.build();
    }

    @GET
    @Path("deliveries/{deliveryId}")
    public JsonObject delivery(@PathParam("deliveryId") String deliveryId) {
        var log = webhooks.delivery(Callers.required(request), storeId(), webhookId, deliveryId);
        return WebhookJson.delivery(log.delivery(), log.attempts());
    }

    /** The exact bytes that were (or will be) sent, so a merchant can replay or inspect them. */
    @GET
    @Path("deliveries/{deliveryId}/request")
    public Response requestBody(@PathParam("deliveryId") String deliveryId) {
        String body = webhooks.request(Callers.required(request), storeId(), webhookId, deliveryId);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Greenfield answers with the new delivery's id as a JSON string. */
    @POST
    @Path("deliveries/{deliveryId}/redeliver")
    public Response redeliver(@PathParam("deliveryId") String deliveryId) {
        String id = webhooks.redeliver(Callers.required(request), storeId(), webhookId, deliveryId);
        return Response.ok(Json.createValue(id).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
