package io.chaintill.api;

import io.chaintill.application.AccessDeniedException;
import io.chaintill.application.TransactionRelay;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.domain.access.Policy;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** ChainTill addition: relay a signed transaction through the server's node. */
@Path("api/v1/chains/BTC")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChainsResource {
    @Inject
    TransactionRelay relay;
    @Context
    ContainerRequestContext request;

    /** {"hex": "..."} -> {"txid": "..."}; 422 naming hex for bad input or a node rejection, 503 if no node answers. */
    @POST
    @Path("transactions")
    public Response broadcast(String body) {
        var caller = Callers.required(request);
        if (!caller.holds(Policy.STORE_MODIFY_SETTINGS, null)) {
            throw new AccessDeniedException("this requires the permission btcpay.store.canmodifystoresettings");
        }
        String hex = JsonInput.parse(body).requiredString("hex");
        try {
            String txid = relay.broadcastBitcoin(hex);
            return Response.ok(Json.createObjectBuilder().add("txid", txid).build()).build();
        } catch (ChainSourceException e) {
            return ErrorMapper.error(503, "chain-unavailable", "the Bitcoin node did not answer; try again later");
        }
    }
}
