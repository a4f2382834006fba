package io.chaintill.api.payout;

import io.chaintill.api.Callers;
import io.chaintill.api.JsonInput;
import io.chaintill.application.payout.BitcoinPayoutBatches;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.bitcoin.Psbt;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payout.PayoutBatch;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/**
 * ChainTill's payout batches (BTCPay pays payouts from its hot wallet; ChainTill has none): approved Bitcoin payouts
 * become an unsigned PSBT to download, sign in the merchant's wallet and upload; the server checks, broadcasts and
 * watches it.
 */
@Path("api/v1/stores/{storeId}/payout-batches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorePayoutBatchesResource {
    static final long MAX_FEE_RATE = 10_000;

    @Inject
    BitcoinPayoutBatches batches;
    @Context
    ContainerRequestContext request;
    @PathParam("storeId")
    String storeId;

    /** {@code {payoutIds?, feeRate? (sat/vB)}}: a new batch, its PSBT included. */
    @POST
    public Response create(String body) {
        var caller = Callers.required(request);
        // who may not manage payouts learns nothing from the body's validation
        batches.requireManager(caller, storeId);
        JsonInput in = JsonInput.parse(body == null || body.isBlank() ? "{}" : body);
        List<String> ids = in.has("payoutIds") ? in.strings("payoutIds") : null;
        Long feeRate = null;
        if (in.has("feeRate")) {
            BigDecimal rate = in.decimal("feeRate");
            if (rate == null || rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(MAX_FEE_RATE)) > 0
                    || rate.stripTrailingZeros().scale() > 0) {
                throw new InvalidInputException("feeRate", "must be a whole number of sat/vB from 1 to " + MAX_FEE_RATE);
            }
            feeRate = rate.longValueExact();
        }
        Long rate = feeRate;
        return node(() -> Response.ok(json(batches.create(caller, storeId, ids, rate))).build());
    }

    @GET
    public Response list() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        batches.ofStore(Callers.required(request), storeId).forEach(b -> a.add(json(b)));
        return Response.ok(a.build()).build();
    }

    @GET
    @Path("{batchId}")
    public JsonObject get(@PathParam("batchId") String batchId) {
        return json(batches.get(Callers.required(request), storeId, batchId));
    }

    /** The unsigned PSBT as a file (BIP 174 binary), for wallets that import .psbt files. */
    @GET
    @Path("{batchId}/psbt")
    @Produces("application/octet-stream")
    public Response psbt(@PathParam("batchId") String batchId) {
        PayoutBatch b = batches.get(Callers.required(request), storeId, batchId);
        return Response.ok(Psbt.fromBase64(b.psbt()).serialize(), "application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"payout-batch-" + b.id() + ".psbt\"").build();
    }

    /** {@code {psbt}}: the signed PSBT, base64; broadcast only when it is exactly this batch. */
    @POST
    @Path("{batchId}/signed")
    public Response signed(@PathParam("batchId") String batchId, String body) {
        var caller = Callers.required(request);
        batches.requireManager(caller, storeId);
        // read unscreened: a PSBT is public data, and its base64 may look like anything
        String psbt = JsonInput.parse(body).secret("psbt");
        if (psbt == null || psbt.isBlank()) {
            throw new InvalidInputException("psbt", "is required: the signed PSBT in base64");
        }
        if (psbt.length() > Psbt.MAX_BYTES * 4 / 3 + 4) {
            throw new InvalidInputException("psbt", "is longer than a payout batch's PSBT can be");
        }
        return node(() -> Response.ok(json(batches.submitSigned(caller, storeId, batchId, psbt))).build());
    }

    @DELETE
    @Path("{batchId}")
    public JsonObject cancel(@PathParam("batchId") String batchId) {
        return json(batches.cancel(Callers.required(request), storeId, batchId));
    }

    private static Response node(Supplier<Response> call) {
        try {
            return call.get();
        } catch (ChainSourceException e) {
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.createObjectBuilder()
                    .add("code", "chain-unavailable").add("message", e.getMessage()).build()).build();
        }
    }

    static JsonObject json(PayoutBatch b) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", b.id())
                .add("storeId", b.storeId())
                .add("paymentMethodId", b.paymentMethodId())
                .add("state", b.state().name())
                .add("payoutIds", Json.createArrayBuilder(b.payoutIds()))
                .add("inputs", Json.createArrayBuilder(b.inputs()))
                .add("fee", PayoutJson.decimal(BigDecimal.valueOf(b.feeUnits(), 8)))
                .add("change", PayoutJson.decimal(BigDecimal.valueOf(b.changeUnits(), 8)))
                .add("unsignedTransactionId", b.unsignedTxid())
                .add("psbt", b.psbt())
                .add("createdTime", b.createdAt().getEpochSecond());
        b.transactionId().ifPresentOrElse(t -> o.add("transactionId", t), () -> o.addNull("transactionId"));
        return o.build();
    }
}
