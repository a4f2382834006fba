package io.chaintill.api.payout;

import io.chaintill.api.Callers;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Greenfield 1's refund route, which BTCPay 2 still serves and the shop plugins call. */
@Path("api/v1/stores/{storeId}/invoices/{invoiceId}/refund")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoreInvoiceRefundResource extends RefundResource {
    @PathParam("storeId")
    String storeId;

    /**
     * ChainTill addition for the dashboard's refund dialog: what each variant would refund ({@code Custom} aside),
     * leaving out those that do not apply, without making anything.
     */
    @GET
    public JsonObject preview(@QueryParam("paymentMethod") String paymentMethod) {
        if (paymentMethod != null && paymentMethod.length() > 30) {
            throw new io.chaintill.domain.InvalidInputException("paymentMethod", "must be at most 30 characters");
        }
        JsonArrayBuilder variants = Json.createArrayBuilder();
        refunds.preview(Callers.required(request), storeId, invoiceId, paymentMethod).forEach((v, a) -> variants.add(
                Json.createObjectBuilder().add("refundVariant", v.name()).add("amount", PayoutJson.decimal(a.amount()))
                        .add("currency", a.currency()).add("autoApproveClaims", a.autoApproveClaims())));
        return Json.createObjectBuilder().add("variants", variants).build();
    }

    @Override
    String storeId() {
        return storeId;
    }
}
