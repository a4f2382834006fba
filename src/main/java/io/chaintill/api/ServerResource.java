package io.chaintill.api;

import io.chaintill.application.ChainHealth;
import io.chaintill.application.ChainHeights;
import io.chaintill.application.ChainStatus;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.chain.ethereum.EthereumSettings;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

/** Health (public, for load balancers) and server info (any authenticated caller). */
@Path("api/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ServerResource {
    static final String VERSION = "0.1.0";
    /** The BTCPay Server release whose Greenfield API ChainTill follows (docs/api.md's compatibility table). */
    static final String GREENFIELD_LEVEL = "2.4.1";

    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    ChainStatus chains;
    @Inject
    ChainHealth health;
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
        var all = health.all();
        ChainHealth.Level overall = database ? ChainHealth.overall(all.values()) : ChainHealth.Level.DOWN;
        var perChain = Json.createObjectBuilder();
        all.forEach((key, entry) -> perChain.add(key, ChainStatusJson.of(entry)));
        JsonObject body = Json.createObjectBuilder()
                .add("status", overall.name())
                .add("synchronized", database && all.values().stream().noneMatch(e -> e.level() == ChainHealth.Level.DOWN))
                .add("checks", Json.createObjectBuilder().add("database", database ? "UP" : "DOWN")
                        .add("bitcoin", all.get("BTC").level().name())
                        .add("ethereum", ethereumState(all, ethereum.followerKeys()).name()))
                .add("chains", perChain)
                .build();
        return Response.status(database ? 200 : 503).entity(body).build();
    }

    /** Every EVM chain's native coin and tokens together: DOWN if any is, else the Ethereum ether follower's level. */
    private static ChainHealth.Level ethereumState(java.util.Map<String, ChainHealth.Entry> all,
                                                   java.util.Set<String> evmKeys) {
        boolean down = all.entrySet().stream().anyMatch(e -> (e.getKey().equals("ETH") || e.getKey().endsWith("-ERC20")
                || evmKeys.contains(e.getKey())) && e.getValue().level() == ChainHealth.Level.DOWN);
        return down ? ChainHealth.Level.DOWN
                : all.containsKey("ETH") ? all.get("ETH").level() : ChainHealth.Level.DISABLED;
    }

    /**
     * BTCPay's ApplicationServerInfoData for any authenticated caller. {@code version} is the BTCPay API level ChainTill
     * conforms to, so that plugins' version gates pass; ChainTill's own version is {@code chaintillVersion}.
     */
    @GET
    @Path("server/info")
    public JsonObject info() {
        Callers.required(request);
        var methods = Json.createArrayBuilder();
        var sync = Json.createArrayBuilder();
        boolean fullySynched = true;
        for (String id : handlers.supported()) {
            methods.add(id);
            ChainStatus.Snapshot s = chains.of(ChainHeights.chainOf(PaymentMethodId.parse(id, "paymentMethodId")));
            boolean available = s.state() == ChainStatus.State.UP && Integer.valueOf(0).equals(s.lag());
            fullySynched &= available;
            sync.add(syncStatus(id, s, available));
        }
        var info = Json.createObjectBuilder()
                .add("version", GREENFIELD_LEVEL)
                .add("chaintillVersion", VERSION)
                .add("network", network)
                .addNull("onion")
                .add("supportedPaymentMethods", methods)
                .add("fullySynched", fullySynched)
                .add("syncStatus", sync);
        ethereum.chainId().ifPresent(chainId -> info.add("ethereum", ethereumInfo(chainId)));
        if (ethereum.enabled()) {
            info.add("evmChains", EvmChainsJson.of(ethereum.chains()));
        }
        return info.build();
    }

    /** The node's tip stands for both its headers and blocks: ChainTill's followers see no further. */
    private static JsonObject syncStatus(String paymentMethodId, ChainStatus.Snapshot s, boolean available) {
        var b = Json.createObjectBuilder().add("paymentMethodId", paymentMethodId);
        if (s.tipHeight() == null) {
            b.addNull("nodeInformation").addNull("chainHeight");
        } else {
            b.add("nodeInformation", Json.createObjectBuilder().add("headers", s.tipHeight()).add("blocks", s.tipHeight())
                    .add("verificationProgress", 1.0)).add("chainHeight", s.tipHeight());
        }
        if (s.scannedHeight() == null) {
            b.addNull("syncHeight");
        } else {
            b.add("syncHeight", s.scannedHeight());
        }
        return b.add("available", available).build();
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
