package io.chaintill.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One webhook under its store's path (Greenfield 1's form, still served by BTCPay 2). */
@Path("api/v1/stores/{storeId}/webhooks/{webhookId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoreWebhookResource extends WebhookResource {
    @PathParam("storeId")
    String storeId;

    @Override
    String storeId() {
        return storeId;
    }
}
