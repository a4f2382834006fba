package io.chaintill.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chaintill.support.ApiClient;
import io.chaintill.support.BitcoindRegtest;
import io.chaintill.support.HaProxy;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import io.chaintill.support.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Two real nodes of this build on one PostgreSQL behind a real HAProxy, one regtest bitcoind, a real webhook
 * receiver. PostgreSQL only: cluster mode refuses H2, whose file belongs to one process.
 */
class ClusterIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The default lease TTL (6 s) plus its retry (1 s), plus a pass and a loaded machine's slack. */
    private static final Duration MAX_HANDOVER = Duration.ofSeconds(15);
    private static final String MINER = BitcoindRegtest.MINER_WALLET;
    /** Two nodes show every handover case (the leader killed, the other takes over); each start costs ~30-90 s. */
    private static final int NODES = 2;

    private static final List<ServerProcess> nodes = new ArrayList<>();
    private static Process haproxy;
    private static String balancer;
    private static WebhookReceiver receiver;
    private static BitcoindRegtest bitcoind;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue("postgres".equals(TestEnvironment.db()), "cluster mode needs PostgreSQL");
        bitcoind = TestEnvironment.bitcoind();
        bitcoind.ensureSpendableCoins();
        receiver = WebhookReceiver.start();
        // one after the other: parallel starts on 2 busy cores only make each one slower
        for (int i = 1; i <= NODES; i++) {
            nodes.add(ServerProcess.start(Map.of("CHAINTILL_CLUSTER_ENABLED", "true",
                    "CHAINTILL_CLUSTER_NODE_ID", "node-" + i, "CHAINTILL_HTTP_TRUSTED_PROXIES", "127.0.0.1"),
                    Duration.ofMinutes(10)));
        }
        balancer = startHaproxy();
    }

    @AfterAll
    static void stop() {
        if (haproxy != null) {
            haproxy.destroyForcibly();
        }
        nodes.forEach(ServerProcess::close);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void theChainLeaderIsKilledAndAnotherNodeTakesOverWithoutLosingOrRepeatingAnything() throws Exception {
        ApiClient admin = ApiClient.at(balancer).admin();
        ApiClient api = admin.newKey("unrestricted");
        String store = api.post("/api/v1/stores", "{\"name\":\"Cluster shop\",\"defaultCurrency\":\"USD\"}")
                .expect(200).object().getString("id");
        api.put("/api/v1/stores/" + store + "/payment-methods/BTC-CHAIN",
                "{\"enabled\":true,\"config\":\"" + freshVpub() + "\"}").expect(200);
        api.addWebhook(store, receiver.url("/cluster"));

        // invoices created through each node, and read back through every other one: nodes share everything
        List<String> invoices = new ArrayList<>();
        for (ServerProcess node : nodes) {
            invoices.add(node.api().withKey(api.apiKey()).createInvoice(store, invoiceJson("0.0011")).getString("id"));
        }
        invoices.add(api.createInvoice(store, invoiceJson("0.0012")).getString("id"));
        for (String id : invoices) {
            for (ServerProcess node : nodes) {
                node.api().withKey(api.apiKey()).get("/api/v1/stores/" + store + "/invoices/" + id).expect(200);
            }
        }
        Set<String> addresses = invoices.stream().map(id -> address(api, store, id)).collect(Collectors.toSet());
        assertEquals(invoices.size(), addresses.size(), "every invoice has its own address");

        String leader = awaitLeader(Optional.empty(), WAIT);
        ServerProcess leaderNode = nodes.get(Integer.parseInt(leader.substring("node-".length())) - 1);

        // a payment seen by the leader settles the invoice, and its change reaches the other nodes after commit
        String first = invoices.get(0);
        try (Connection listen = database()) {
            try (Statement s = listen.createStatement()) {
                s.execute("LISTEN " + InvoiceChangePublisher.CHANNEL);
            }
            bitcoind.send(MINER, address(api, store, first), new BigDecimal("0.0011"));
            String relayed = awaitNotification(listen, first, Duration.ofSeconds(30));
            assertTrue(relayed.startsWith(leader + " "), "the leader announced the change: " + relayed);
        }
        bitcoind.mine(1);
        awaitStatus(api, store, first, "Settled");

        // SIGKILL the leader; a block is mined while nobody follows; requests keep going through the balancer
        String second = invoices.get(1);
        AtomicBoolean loadRunning = new AtomicBoolean(true);
        AtomicInteger firstTryFailures = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        CompletableFuture<List<String>> load = CompletableFuture.supplyAsync(() -> readLoad(api.apiKey(), store,
                invoices, loadRunning, requests, firstTryFailures));
        Instant killed = Instant.now();
        leaderNode.kill();
        bitcoind.send(MINER, address(api, store, second), new BigDecimal("0.0011"));
        bitcoind.mine(1);
        String next = awaitLeader(Optional.of(leader), MAX_HANDOVER.plusSeconds(10));
        Duration handover = Duration.between(killed, Instant.now());
        System.out.println("[ClusterIT] follower handover " + leader + " -> " + next + " took " + handover.toMillis() + " ms");
        awaitStatus(api, store, second, "Settled");
        loadRunning.set(false);
        List<String> failed = load.get();
        System.out.println("[ClusterIT] " + requests.get() + " reads through HAProxy during the kill, "
                + firstTryFailures.get() + " failed on the first try, " + failed.size() + " failed on retry too");
        assertTrue(failed.isEmpty(), "every read succeeded at least on its retry: " + failed);
        assertTrue(handover.compareTo(MAX_HANDOVER) <= 0, "handover took " + handover);

        // each payment found once; each invoice settled once: one InvoiceSettled event (one deliveryId) each
        for (String id : List.of(first, second)) {
            assertEquals(1, api.get("/api/v1/stores/" + store + "/invoices/" + id + "/payment-methods").expect(200)
                    .array().getJsonObject(0).getJsonArray("payments").size(), "payments of " + id);
            receiver.await(r -> r.path().equals("/cluster") && event(r).getString("type").equals("InvoiceSettled")
                    && event(r).getString("invoiceId").equals(id), 1, WAIT);
        }
        Thread.sleep(5000); // a duplicate would be dispatched within a relay interval or two
        for (String id : List.of(first, second)) {
            for (String type : List.of("InvoiceReceivedPayment", "InvoiceSettled")) {
                Set<String> deliveries = receiver.requests("/cluster").stream().map(ClusterIT::event)
                        .filter(e -> e.getString("type").equals(type) && e.getString("invoiceId").equals(id))
                        .map(e -> e.getString("deliveryId")).collect(Collectors.toSet());
                assertEquals(1, deliveries.size(), type + " of " + id + " was dispatched once: " + deliveries);
            }
        }
        assertNotEquals(leader, next);


    }

    // ---- the load balancer ----

    private static String startHaproxy() throws IOException {
        // installed when missing, so the class passes run alone on a fresh machine as in the full suite
        Path binary = Path.of(HaProxy.binary());
        int port = BitcoindRegtest.freePort();
        String template = Files.readString(Path.of("deploy/cluster/haproxy.cfg"));
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            servers.append("    server node-").append(i + 1).append(' ')
                    .append(URI.create(nodes.get(i).baseUrl()).getAuthority()).append(" check\n");
        }
        String config = template.replace("127.0.0.1:8080", "127.0.0.1:" + port)
                .replaceAll("(?s)    server node-1 .*?# end of servers\n", servers + "    # end of servers\n");
        Path file = Path.of("target", "cluster-it-haproxy.cfg");
        Files.writeString(file, config);
        haproxy = new ProcessBuilder(binary.toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "cluster-it-haproxy.log").toFile()))
                .start();
        String url = "http://127.0.0.1:" + port;
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (statusOf(url + "/health/ready") == 200) {
                return url;
            }
            pause(200);
        }
        throw new IllegalStateException("HAProxy did not answer; see target/cluster-it-haproxy.log");
    }

    /** Reads invoices through the balancer until stopped; each failed read is retried once. Returns reads failed twice. */
    private static List<String> readLoad(String apiKey, String store, List<String> invoices, AtomicBoolean running,
                                         AtomicInteger requests, AtomicInteger firstTryFailures) {
        List<String> failed = new ArrayList<>();
        int i = 0;
        while (running.get()) {
            String path = balancer + "/api/v1/stores/" + store + "/invoices/" + invoices.get(i++ % invoices.size());
            requests.incrementAndGet();
            int status = statusOf(path, apiKey);
            if (status != 200) {
                firstTryFailures.incrementAndGet();
                int again = statusOf(path, apiKey);
                if (again != 200) {
                    failed.add(path + " -> " + status + ", then " + again);
                }
            }
            pause(50);
        }
        return failed;
    }

    private static int statusOf(String url, String... apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (apiKey.length > 0) {
            b.header("Authorization", "token " + apiKey[0]);
        }
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // ---- the database, as an operator would look at it ----

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv("CHAINTILL_DB_URL"), System.getenv("CHAINTILL_DB_USER"),
                System.getenv("CHAINTILL_DB_PASSWORD"));
    }

    /** The node holding the Bitcoin follower's unexpired lease, once it is not {@code other}. */
    private static String awaitLeader(Optional<String> other, Duration timeout) throws SQLException {
        Instant deadline = Instant.now().plus(timeout);
        try (Connection c = database(); Statement s = c.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet r = s.executeQuery("SELECT holder FROM chain_lease WHERE chain_id = 'chain:BTC'"
                        + " AND expires_at > clock_timestamp()")) {
                    if (r.next() && !other.map(r.getString(1)::equals).orElse(false)) {
                        return r.getString(1);
                    }
                }
                pause(100);
            }
        }
        throw new AssertionError("no node other than " + other.orElse("none") + " took the BTC lease within " + timeout);
    }

    private static Optional<String> leaseHolder() throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT holder FROM chain_lease WHERE chain_id = 'chain:BTC'")) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    private static String awaitNotification(Connection listen, String invoiceId, Duration timeout) throws SQLException {
        PGConnection pg = listen.unwrap(PGConnection.class);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            PGNotification[] batch = pg.getNotifications(500);
            for (PGNotification n : batch == null ? new PGNotification[0] : batch) {
                if (n.getParameter().contains(" " + invoiceId + " ")) {
                    return n.getParameter();
                }
            }
        }
        throw new AssertionError("no node announced a change of invoice " + invoiceId);
    }

    // ---- invoices ----

    private static String invoiceJson(String btc) {
        return "{\"amount\":\"" + btc + "\",\"currency\":\"BTC\",\"checkout\":{\"speedPolicy\":\"MediumSpeed\","
                + "\"expirationMinutes\":60}}";
    }

    private static String address(ApiClient api, String store, String invoiceId) {
        return api.get("/api/v1/stores/" + store + "/invoices/" + invoiceId + "/payment-methods").expect(200)
                .array().getJsonObject(0).getString("destination");
    }

    private static void awaitStatus(ApiClient api, String store, String invoiceId, String status) {
        Instant deadline = Instant.now().plus(WAIT);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/api/v1/stores/" + store + "/invoices/" + invoiceId).expect(200).object().getString("status");
            if (status.equals(last)) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("invoice " + invoiceId + " still " + last + ", expected " + status);
    }

    private static JsonObject event(WebhookReceiver.Request r) {
        return Json.createReader(new StringReader(r.bodyText())).readObject();
    }

    private static final DeterministicKey MASTER = HDKeyDerivation.createMasterPrivateKey(new SecureRandom().generateSeed(32));

    /** This run's own account: addresses no other class (on the shared database and bitcoind) ever pays. */
    private static String freshVpub() {
        DeterministicKey key = MASTER;
        for (int n : new int[] {84, 1, 0}) {
            key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(n, true));
        }
        return key.serializePubB58(BitcoinNetwork.TESTNET, ScriptType.P2WPKH);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
