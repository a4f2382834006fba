package io.chaintill.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.ApiClient;
import io.chaintill.support.BitcoindRegtest;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TcpForwarder;
import io.chaintill.support.TestEnvironment;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Faults around the node: the server starts while its node is unreachable (it still serves invoices and says
 * so in health), a payment is made and mined during the outage, and tracking catches up by itself when the
 * node returns. A node on another network than configured is refused.
 */
@Tag(TestEnvironment.SINGLE_DATABASE) // node faults; the tracking queries run on both databases in BitcoinTrackingIT
class ChainOutageIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void serverStartsWithoutItsNodeAndCatchesUpWhenItReturns() {
        BitcoindRegtest node = TestEnvironment.bitcoind();
        node.mine(101);
        int rpcPort = URI.create(node.rpcUrl()).getPort();
        try (TcpForwarder path = new TcpForwarder(BitcoindRegtest.freePort(), rpcPort);
             ServerProcess server = ServerProcess.start(env(path.port(), "regtest"))) {
            ApiClient api = server.api().admin().newKey("unrestricted");
            await(() -> "DOWN".equals(bitcoinCheck(api)), "bitcoin DOWN while the node is unreachable");
            JsonObject health = api.get("/api/v1/health").expect(200).object();
            assertFalse(health.getJsonObject("chains").getJsonObject("BTC").isNull("error"), "the outage is explained: " + health);

            String store = api.storeWithBitcoin("Outage shop");
            String invoice = api.createInvoice(store, "{\"amount\":\"0.0005\",\"currency\":\"BTC\"}").getString("id");
            String address = api.get("/api/v1/stores/" + store + "/invoices/" + invoice + "/payment-methods")
                    .expect(200).array().getJsonObject(0).getString("destination");
            node.send(BitcoindRegtest.MINER_WALLET, address, new BigDecimal("0.0005"));
            node.mine(1);
            assertEquals("New", status(api, store, invoice), "nothing can be seen while the node is cut off");

            path.open();
            await(() -> "UP".equals(bitcoinCheck(api)), "bitcoin UP once the node is reachable");
            await(() -> "Settled".equals(status(api, store, invoice)), "the payment made during the outage is found");
        }
    }

    @Test
    void aNodeOnAnotherNetworkIsRefused() {
        BitcoindRegtest node = TestEnvironment.bitcoind();
        try (ServerProcess server = ServerProcess.start(env(URI.create(node.rpcUrl()).getPort(), "testnet"))) {
            ApiClient api = server.api().admin().newKey("unrestricted");
            await(() -> api.get("/api/v1/health").expect(200).object().getJsonObject("chains").getJsonObject("BTC")
                    .getString("error", "").contains("testnet"), "the regtest node refused on a testnet server");
            assertEquals("DOWN", bitcoinCheck(api));
            assertTrue(api.get("/api/v1/server/info").expect(200).object().getString("network").equals("testnet"));
        }
    }

    private static Map<String, String> env(int rpcPort, String network) {
        Map<String, String> env = new HashMap<>();
        env.put("CHAINTILL_NETWORK", network);
        env.put("CHAINTILL_BTC_RPC_URL", "http://127.0.0.1:" + rpcPort);
        env.put("CHAINTILL_BTC_ZMQ_URL", "");
        env.put("CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "200");
        return env;
    }

    private static String bitcoinCheck(ApiClient api) {
        return api.get("/api/v1/health").expect(200).object().getJsonObject("checks").getString("bitcoin");
    }

    private static String status(ApiClient api, String store, String invoice) {
        return api.get("/api/v1/stores/" + store + "/invoices/" + invoice).expect(200).object().getString("status");
    }

    private static void await(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(what + " not reached within " + WAIT);
    }
}
