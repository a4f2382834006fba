package io.chaintill.api;

import io.chaintill.application.ChainStatus;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.chain.ethereum.EthereumSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Health (public, for load balancers) and server info (needs a login). */
@Path("api/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ServerResource {
    static final String VERSION = "0.1.0";

    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    ChainStatus chains;
    @Inject
    EthereumSettings ethereum;
    @Inject
    @ConfigProperty(name = "chaintill.network")
    String network;
    @PersistenceContext(unitName = "chaintill")
    EntityManager em;
    @Context
    ContainerRequestContext request;

    @GET
    @Path("health")
    public Response health() {
        boolean database;
        try {
            em.createNativeQuery("SELECT 1").getSingleResult();
            database = true;
        } catch (RuntimeException e) {
            database = false;
        }
        ChainStatus.Snapshot bitcoin = chains.of("BTC");
        var all = chains.all();
        all.putIfAbsent("BTC", bitcoin);
        boolean anyDown = all.values().stream().anyMatch(s -> s.state() == ChainStatus.State.DOWN);
        var perChain = Json.createObjectBuilder();
        all.forEach((key, snapshot) -> perChain.add(key, ChainStatusJson.of(snapshot)));
        JsonObject body = Json.createObjectBuilder()
                .add("synchronized", database && !anyDown)
                .add("checks", Json.createObjectBuilder().add("database", database ? "UP" : "DOWN")
                        .add("bitcoin", bitcoin.state().name())
                        .add("ethereum", ethereumState(all).name()))
                .add("chains", perChain)
                .build();
        return Response.status(database ? 200 : 503).entity(body).build();
    }

    /** Ether and every token together: DOWN if any is, else the ether follower's state. */
    private static ChainStatus.State ethereumState(java.util.Map<String, ChainStatus.Snapshot> all) {
        boolean down = all.entrySet().stream().anyMatch(e -> (e.getKey().equals("ETH") || e.getKey().endsWith("-ERC20"))
                && e.getValue().state() == ChainStatus.State.DOWN);
        return down ? ChainStatus.State.DOWN : all.getOrDefault("ETH",
                new ChainStatus.Snapshot(ChainStatus.State.DISABLED, null, null, 0, null, null)).state();
    }

    @GET
    @Path("server/info")
    public JsonObject info() {
        Callers.required(request); // as BTCPay: any key or login may read it
        var methods = Json.createArrayBuilder();
        handlers.supported().forEach(methods::add);
        var info = Json.createObjectBuilder()
                .add("version", VERSION)
                .add("network", network)
                .addNull("onion")
                .add("supportedPaymentMethods", methods)
                .add("fullySynched", true)
                .add("syncStatus", Json.createArrayBuilder());
        ethereum.chainId().ifPresent(chainId -> info.add("ethereum", ethereumInfo(chainId)));
        return info.build();
    }

    /**
     * ChainTill addition: the chain id and token contracts the server accepts, public facts a client needs to
     * talk to the same chain (the offline sweep tool checks its node against them and learns the token contract).
     */
    private JsonObject ethereumInfo(long chainId) {
        var tokens = Json.createArrayBuilder();
        ethereum.tokens().forEach(t -> tokens.add(Json.createObjectBuilder()
                .add("paymentMethodId", t.methodId().toString())
                .add("symbol", t.symbol())
                .add("contract", t.contract())
                .add("decimals", t.decimals())));
        return Json.createObjectBuilder().add("chainId", chainId).add("tokens", tokens).build();
    }
}
