package io.chaintill.api.payout;

import io.chaintill.api.Callers;
import io.chaintill.api.JsonInput;
import io.chaintill.application.payout.PayoutService;
import io.chaintill.domain.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * One payout, reached as Greenfield 2's {@code payouts/{id}} ({@link StorelessPayoutResource}) or Greenfield 1's
 * {@code stores/{storeId}/payouts/{id}} ({@link StorePayoutResource}): get, approve, cancel, mark paid.
 */
public abstract class PayoutResource {
    static final int MAX_TRANSACTION_ID = 100;

    @Inject
    PayoutService payouts;
    @Context
    ContainerRequestContext request;
    @PathParam("payoutId")
    String payoutId;

    /** The store the payout is looked up in; null when the path names none. */
    abstract String storeId();

    @GET
    public JsonObject get() {
        return withLink(payouts.get(Callers.required(request), storeId(), payoutId));
    }

    /** Approval: {@code revision} (optional) and {@code rateRule} (a fixed price, or null for the store's rates). */
    @POST
    public JsonObject approve(String body) {
        JsonInput in = JsonInput.parse(body == null || body.isBlank() ? "{}" : body);
        return withLink(payouts.approve(Callers.required(request), storeId(), payoutId, in.integer("revision"),
                in.string("rateRule")));
    }

    @DELETE
    public Response cancel() {
        payouts.cancel(Callers.required(request), storeId(), payoutId);
        return Response.ok().build();
    }

    @POST
    @Path("mark-paid")
    public Response markPaid() {
        payouts.markPaid(Callers.required(request), storeId(), payoutId, null);
        return Response.ok().build();
    }

    /**
     * Greenfield's mark: to Completed (with an optional paymentProof.transactionId), to InProgress (with a required
     * paymentProof.transactionId: the payment the chain watcher is to confirm) or Cancelled.
     */
    @POST
    @Path("mark")
    public Response mark(String body) {
        var caller = Callers.required(request);
        // who may not manage it learns nothing from the body's validation
        payouts.requireManageable(caller, storeId(), payoutId);
        JsonInput in = JsonInput.parse(body);
        String state = in.requiredString("state");
        switch (state) {
            case "Completed" -> payouts.markPaid(caller, storeId(), payoutId, proofTransaction(in));
            case "InProgress" -> payouts.recordProof(caller, storeId(), payoutId, requiredProof(in));
            case "Cancelled" -> payouts.cancel(caller, storeId(), payoutId);
            default -> throw new InvalidInputException("state", "a payout can be marked InProgress, Completed or Cancelled");
        }
        return Response.ok().build();
    }

    private static String requiredProof(JsonInput in) {
        String tx = proofTransaction(in);
        if (tx == null) {
            throw new InvalidInputException("paymentProof.transactionId", "is required to mark a payout InProgress");
        }
        return tx;
    }

    private static String proofTransaction(JsonInput in) {
        // read unscreened: a transaction id is 64 hex digits, the shape of a raw private key, and is no secret
        String tx = in.object("paymentProof").secret("transactionId");
        if (tx == null) {
            return null;
        }
        if (tx.isBlank() || tx.length() > MAX_TRANSACTION_ID) {
            throw new InvalidInputException("paymentProof.transactionId", "must be a transaction id of at most "
                    + MAX_TRANSACTION_ID + " characters");
        }
        return tx;
    }

    private jakarta.json.JsonObject withLink(io.chaintill.domain.payout.Payout p) {
        return PayoutJson.payout(p, payouts.paymentLink(p));
    }
}
