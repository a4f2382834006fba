package io.chaintill.api.payout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Greenfield 1's refund route, which BTCPay 2 still serves and the shop plugins call. */
@Path("api/v1/stores/{storeId}/invoices/{invoiceId}/refund")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoreInvoiceRefundResource extends RefundResource {
    @PathParam("storeId")
    String storeId;

    @Override
    String storeId() {
        return storeId;
    }
}
