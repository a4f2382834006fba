package io.chaintill.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Greenfield 2's {@code /api/v1/webhooks/{webhookId}}: the store is the webhook's own, and a webhook of a store the
 * caller cannot reach is a 404 like an unknown one.
 */
@Path("api/v1/webhooks/{webhookId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StorelessWebhookResource extends WebhookResource {
    @Override
    String storeId() {
        return webhooks.storeOf(Callers.required(request), webhookId);
    }
}
