package io.chaintill.api;

import io.chaintill.application.DepositAddresses;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * ChainTill addition: the deposit addresses a store handed out for a payment method, with what each
 * received, so that the merchant's offline sweep tool knows which derivation indexes to spend from.
 * Public data only (addresses and amounts); the keys stay in the merchant's wallet.
 */
@Path("api/v1/stores/{storeId}/payment-methods/{paymentMethodId}/addresses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DepositAddressesResource {
    @Inject
    DepositAddresses addresses;
    @Context
    ContainerRequestContext request;

    /** [{index, address, invoiceId, received}] by index; only paid addresses unless {@code all=true}. */
    @GET
    public JsonArray list(@PathParam("storeId") String storeId, @PathParam("paymentMethodId") String paymentMethodId,
                          @QueryParam("all") String all) {
        PaymentMethodId method = PaymentMethodId.parse(paymentMethodId, "paymentMethodId");
        var out = Json.createArrayBuilder();
        addresses.list(Callers.required(request), storeId, method, flag(all)).forEach(a -> out.add(Json.createObjectBuilder()
                .add("index", a.index())
                .add("address", a.address())
                .add("invoiceId", a.invoiceId())
                .add("received", a.received().toPlainString())));
        return out.build();
    }

    private static boolean flag(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException("all", "must be true or false");
    }
}
