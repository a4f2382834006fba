package io.chaintill.api;

import io.chaintill.application.WebhookService;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Greenfield webhooks of a store: create and list (one webhook: {@link WebhookResource}). */
@Path("api/v1/stores/{storeId}/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksResource {
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
}
