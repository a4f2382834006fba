package io.chaintill.api.payout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Greenfield 2's {@code /api/v1/payouts/{payoutId}}: the store is the payout's own. */
@Path("api/v1/payouts/{payoutId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StorelessPayoutResource extends PayoutResource {
    @Override
    String storeId() {
        return null;
    }
}
