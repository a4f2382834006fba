package io.chaintill.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import io.chaintill.support.ApiClient;
import io.chaintill.support.RawHttp;
import io.chaintill.support.SecretLedger;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated bad input against every endpoint family of a real server (its own Payara Micro process, so its log is
 * its own): no 5xx but documented 503s, nothing of the server's insides in an answer, no private key echoed or
 * stored, JSON errors on /api, no stack trace in the log, and the store's data unchanged after a refused request.
 * Seeded: a failure names the seed, and {@code -Dchaintill.fuzz.seed=N} replays the same requests. Families whose
 * answers cannot depend on the database (public pages, server endpoints) run on H2 only.
 */
class FuzzIT {
    /**
     * Fixed by default so that the suite (and CI) runs the same cases every time; -Dchaintill.fuzz.seed=N runs
     * another set (and replays a failure), -Dchaintill.fuzz.seed=random a fresh one.
     */
    private static final long SEED = seed(System.getProperty("chaintill.fuzz.seed", "8680265134995341507"));
    private static final String TOKEN = "USDT:0x5FbDB2315678afecb367f032d93F642f64180aa3:6";
    private static ServerProcess server;
    private static RawHttp http;
    private static ServerLog log;
    private static FuzzKeys keys;
    private static String apiKey;
    private static DataSnapshot snapshot;
    private static final Map<String, String> IDS = new HashMap<>();
    private static int requests;
    /** The listings as the last write left them; only writes can change them. */
    private static String listings;

    @BeforeAll
    static void start() {
        keys = new FuzzKeys(new Random(SEED));
        keys.privateKeys.forEach(k -> SecretLedger.record(SecretLedger.Kind.PRIVATE_KEY, k));
        // private targets refused (the suite's default allows them for its webhook receiver); Ethereum without a node
        server = ServerProcess.start(Map.of("CHAINTILL_WEBHOOK_ALLOW_PRIVATE", "false", "CHAINTILL_ETH_CHAIN_ID", "1337",
                "CHAINTILL_ETH_TOKENS", TOKEN, "CHAINTILL_ETH_RPC_URL", ""));
        ApiClient admin = server.api().admin();
        ApiClient key = admin.newKey("unrestricted");
        apiKey = key.apiKey();
        String store = key.post("/api/v1/stores", "{\"name\":\"Fuzz shop\",\"defaultCurrency\":\"USD\"}").expect(200)
                .object().getString("id");
        String methods = "/api/v1/stores/" + store + "/payment-methods/";
        key.put(methods + "BTC-CHAIN", "{\"enabled\":true,\"config\":\"" + keys.vpub + "\"}").expect(200);
        key.put(methods + "ETH-CHAIN", "{\"enabled\":true,\"config\":\"" + keys.ethXpub + "\"}").expect(200);
        String invoices = "/api/v1/stores/" + store + "/invoices";
        IDS.put("store", store);
        IDS.put("invoice", key.createInvoice(store, "{\"amount\":\"2\",\"currency\":\"USD\"}").getString("id"));
        IDS.put("marked", key.createInvoice(store, "{\"amount\":\"3\",\"currency\":\"USD\"}").getString("id"));
        // disabled, so nothing is ever sent to it; a public address, so the guard lets it be saved
        IDS.put("webhook", key.post("/api/v1/stores/" + store + "/webhooks", "{\"url\":\"https://203.0.113.7/hook\","
                + "\"enabled\":false}").expect(200).object().getString("id"));
        IDS.put("delivery", "dlv-fuzz-unknown");
        IDS.put("pm", "BTC-CHAIN");
        IDS.put("crypto", "BTC");
        IDS.put("apikey", "0".repeat(40));
        IDS.put("page", "invoices");
        IDS.put("asset", "checkout.css");
        key.get(invoices).expect(200);
        // its own loopback address: the fuzzer's many failed logins lock that address (as they should), and on
        // PostgreSQL, where every test class's server shares one database and so the login throttle, they must
        // not lock 127.0.0.1 for the classes that run after it
        http = RawHttp.to(server.baseUrl(), "127.0.0.66");
        snapshot = new DataSnapshot(http, apiKey, store);
        log = new ServerLog(server.log());
    }

    @AfterAll
    static void stop() {
        System.out.println("[measure] FuzzIT (" + TestEnvironment.db() + ", seed " + SEED + "): " + requests + " requests");
        if (server != null) {
            server.close();
        }
    }

    @Test
    void users() {
        fuzz("users", 120, FuzzEndpoints.users());
    }

    @Test
    void apiKeys() {
        fuzz("api-keys", 150, FuzzEndpoints.apiKeys());
    }

    @Test
    void stores() {
        fuzz("stores", 250, FuzzEndpoints.stores());
    }

    @Test
    void paymentMethods() {
        fuzz("payment-methods", 300, FuzzEndpoints.paymentMethods(keys, true));
    }

    @Test
    void invoices() {
        fuzz("invoices", 450, FuzzEndpoints.invoices());
    }

    @Test
    void webhooks() {
        fuzz("webhooks", 250, FuzzEndpoints.webhooks());
    }

    @Test
    void publicPagesAndServerEndpoints() {
        Assumptions.assumeTrue("h2".equals(TestEnvironment.db()), "answers do not depend on the database: H2 only");
        fuzz("server-and-public", 350, FuzzEndpoints.server());
    }

    @Test
    void dashboardLogin() {
        Assumptions.assumeTrue("h2".equals(TestEnvironment.db()), "answers do not depend on the database: H2 only");
        Random random = random("dashboard-login");
        FuzzInputs in = new FuzzInputs(random, keys);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String email = in.chance(30) ? "fuzz-user@chaintill.test" : in.string();
            String password = in.chance(50) ? in.secret() : in.string();
            FuzzRequest r = new FuzzRequest("login form", "POST", "/dashboard/login" + (in.chance(10) ? "?" + in.queryValue() : ""));
            String form = "email=" + FuzzInputs.encode(email) + "&password=" + FuzzInputs.encode(password);
            r.body = (in.chance(15) ? in.malformedBody(form) : form).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (!in.chance(15)) {
                r.header("Content-Type", in.chance(60) ? "application/x-www-form-urlencoded" : in.contentType());
            }
            if (in.chance(10)) {
                r.header("Origin", in.pick(List.of("null", "http://evil.example", "%zz", "http://[::1")));
            }
            r.write = true;
            r.secrets.addAll(in.drainSecrets());
            if (password.strip().length() >= 8 && !r.secrets.isEmpty()) {
                r.secrets.add(password.strip());
            }
            check(i, r, failures);
        }
        report("dashboard-login", failures);
    }

    /**
     * Broken percent-encoding and dot segments in the path, on every family's paths, sent to ChainTill directly (no
     * edge proxy). Payara's connector cannot parse them (Payara issue 8000: an empty 200 and its own stack trace);
     * RequestTargetProbe turns each into ChainTill's JSON 400 before the connector tries, and nothing changes.
     */
    @Test
    void brokenPercentEncodingInThePathIsAJson400() {
        List<String> failures = new ArrayList<>();
        List<String> paths = List.of("/api/v1/stores/", "/api/v1/stores/" + IDS.get("store") + "/invoices/",
                "/api/v1/api-keys/", "/i/", "/checkout/", "/assets/", "/dashboard/");
        String before = listings();
        int i = 0;
        for (String path : paths) {
            for (String escape : FuzzInputs.BROKEN_ESCAPES) {
                FuzzRequest r = new FuzzRequest("broken percent-encoding", "GET", path + escape)
                        .header("Authorization", "token " + apiKey);
                RawHttp.Answer a = r.send(http);
                requests++;
                List<String> problems = new ArrayList<>(AnswerChecks.problems(r, a));
                if (a.status() != 400 || !a.body().contains("\"code\":\"invalid-path\"")) {
                    problems.add("not the JSON 400 invalid-path: " + a.body().substring(0, Math.min(80, a.body().length())));
                }
                if (!problems.isEmpty()) {
                    failures.add("#" + i + " " + r.describe() + " -> HTTP " + a.status() + ": " + String.join("; ", problems));
                }
                i++;
            }
        }
        listings = null;
        if (!listings().equals(before)) {
            failures.add("data changed: " + DataSnapshot.difference(before, listings()));
        }
        report("broken-percent-encoding", failures);
    }

    private static void fuzz(String family, int count, List<FuzzOp> ops) {
        Random random = random(family);
        FuzzInputs in = new FuzzInputs(random, keys);
        FuzzCases cases = new FuzzCases(in, IDS, apiKey);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FuzzRequest r = cases.generate(in.pick(ops));
            r.may503 = r.target.startsWith("/api/v1/health") || r.target.startsWith("/api/v1/chains/")
                    || r.target.contains("/rates");
            check(i, r, failures);
        }
        report(family, failures);
    }

    private static String listings() {
        if (listings == null) {
            listings = snapshot.take();
        }
        return listings;
    }

    private static long seed(String value) {
        return "random".equals(value) ? new Random().nextLong() : Long.parseLong(value);
    }

    private static Random random(String family) {
        return new Random(SEED * 31 + family.hashCode());
    }

    private static void check(int i, FuzzRequest r, List<String> failures) {
        String before = r.write ? listings() : null;
        RawHttp.Answer a;
        try {
            a = r.send(http);
        } catch (RuntimeException | AssertionError e) {
            failures.add("#" + i + " " + r.describe() + " -> no answer: " + e);
            listings = null;
            return;
        }
        requests++;
        SecretLedger.recordAnswer(a.body());
        List<String> problems = new ArrayList<>(AnswerChecks.problems(r, a));
        String trace = log.newStackTrace();
        if (trace != null) {
            problems.add("the server logged a stack trace: " + trace);
        }
        if (before != null) {
            String after = snapshot.take();
            listings = after;
            if (a.status() >= 400 && !after.equals(before)) {
                problems.add("data changed although the request was refused: " + DataSnapshot.difference(before, after));
            }
            for (String secret : r.secrets) {
                if (after.contains(secret) && !before.contains(secret)) {
                    problems.add("the private key that was sent is now stored and listed");
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            failures.add("#" + i + " " + r.describe() + " -> HTTP " + a.status() + ": " + String.join("; ", problems));
        }
    }

    private static void report(String family, List<String> failures) {
        String trace = log.newStackTrace();
        if (trace != null) {
            failures.add("after the last request the server logged a stack trace: " + trace);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " bad answers in family " + family + " (seed " + SEED + "; replay with -Dchaintill.fuzz.seed="
                    + SEED + "):\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        }
    }
}
