package io.chaintill.api.payout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One payout under its store's path (Greenfield 1's form). */
@Path("api/v1/stores/{storeId}/payouts/{payoutId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StorePayoutResource extends PayoutResource {
    @PathParam("storeId")
    String storeId;

    @Override
    String storeId() {
        return storeId;
    }
}
