package io.chaintill.api.payout;

import io.chaintill.api.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;

/** The public page where a pull payment is claimed (Greenfield's viewLink). */
@ApplicationScoped
public class PullPaymentLinks {
    @Inject
    PublicUrl publicUrl;

    public String viewLink(UriInfo uri, String pullPaymentId) {
        return publicUrl.base(uri) + "/pull-payments/" + pullPaymentId;
    }
}
