package io.chaintill.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chaintill.support.ApiClient;
import io.chaintill.support.HaProxy;
import io.chaintill.support.RawHttp;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The edge rules of deploy/edge/ in a real HAProxy in front of a real server: the request paths Payara's connector
 * answers with an empty 200 (broken percent-encoding, dot segments; docs/security.md) and over-long request targets
 * are a JSON 400 at the proxy and never reach the server, while everything ChainTill serves passes unchanged.
 * The proxy's rules cannot depend on the database: H2 only.
 */
@Tag(TestEnvironment.SINGLE_DATABASE)
class EdgeProxyIT {
    private static final int MAX_TARGET = 4096;
    private static ServerProcess server;
    private static HaProxy proxy;
    private static RawHttp viaProxy;
    private static RawHttp direct;
    private static ServerLog log;
    private static String apiKey;
    private static String store;

    @BeforeAll
    static void start() {
        server = ServerProcess.start(Map.of());
        proxy = HaProxy.inFrontOf(URI.create(server.baseUrl()).getPort());
        ApiClient key = server.api().admin().newKey("unrestricted");
        apiKey = key.apiKey();
        store = key.post("/api/v1/stores", "{\"name\":\"Edge shop\",\"defaultCurrency\":\"USD\"}").expect(200)
                .object().getString("id");
        // addresses of their own, as FuzzIT does, so nothing here touches 127.0.0.1's login throttle
        viaProxy = RawHttp.to(proxy.baseUrl(), "127.0.0.67");
        direct = RawHttp.to(server.baseUrl(), "127.0.0.67");
        log = new ServerLog(server.log());
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void brokenEscapesAndDotSegmentsAreA400AtTheProxy() {
        List<String> failures = new ArrayList<>();
        List<String> paths = List.of("/api/v1/stores/", "/api/v1/stores/" + store + "/invoices/", "/api/v1/api-keys/",
                "/i/", "/checkout/", "/assets/", "/dashboard/");
        int n = 0;
        for (String path : paths) {
            for (String escape : FuzzInputs.BROKEN_ESCAPES) {
                for (String method : List.of("GET", "DELETE")) {
                    RawHttp.Answer a = viaProxy.send(method, path + escape, null, "Authorization", "token " + apiKey);
                    n++;
                    if (a.status() != 400 || !a.contentType().startsWith("application/json")
                            || !"invalid-path".equals(json(a).getString("code", null))) {
                        failures.add(method + " " + path + escape + " -> HTTP " + a.status() + " " + a.contentType() + " " + a.body());
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + n + " not refused by the proxy:\n" + String.join("\n", failures));
        }
        assertNull(log.newStackTrace(), "nothing reached the server's connector, so it logged nothing");
    }

    @Test
    void withoutTheProxyChainTillAnswersTheSame400Itself() {
        // RequestTargetProbe: the proxy is a second line, not the only one (Payara issue 8000)
        for (String target : List.of("/api/v1/stores/%zz", "/api/v1/api-keys/%2e%2e")) {
            RawHttp.Answer direct400 = direct.send("GET", target, null, "Authorization", "token " + apiKey);
            RawHttp.Answer proxied = viaProxy.send("GET", target, null, "Authorization", "token " + apiKey);
            assertEquals(400, direct400.status(), target + ": " + direct400.body());
            assertEquals(json(proxied).getString("code"), json(direct400).getString("code"), target);
            assertEquals(json(proxied).getString("message"), json(direct400).getString("message"), target);
        }
        assertNull(log.newStackTrace(), "the connector never met the broken path, so it logged nothing");
    }

    @Test
    void overLongTargetsAreA400AtTheProxyAndTheLongestAllowedPasses() {
        String prefix = "/api/v1/stores/" + store + "/invoices?orderId=";
        RawHttp.Answer longest = viaProxy.send("GET", prefix + "a".repeat(MAX_TARGET - prefix.length()), null,
                "Authorization", "token " + apiKey);
        assertNotEquals("uri-too-long", json(longest).getString("code", null), "a target of exactly " + MAX_TARGET + " passes");
        assertTrue(longest.status() < 500, longest.body());
        RawHttp.Answer tooLong = viaProxy.send("GET", prefix + "a".repeat(MAX_TARGET + 1 - prefix.length()), null,
                "Authorization", "token " + apiKey);
        assertEquals(400, tooLong.status(), tooLong.body());
        assertEquals("uri-too-long", json(tooLong).getString("code"));
    }

    @Test
    void whatChainTillServesPassesUnchanged() {
        assertEquals(200, viaProxy.send("GET", "/api/v1/health", null).status());
        RawHttp.Answer stores = viaProxy.send("GET", "/api/v1/stores", null, "Authorization", "token " + apiKey);
        assertEquals(200, stores.status(), stores.body());
        assertTrue(stores.body().contains(store), stores.body());
        RawHttp.Answer created = viaProxy.send("POST", "/api/v1/stores", "{\"name\":\"Through the edge\"}",
                "Authorization", "token " + apiKey, "Content-Type", "application/json");
        assertEquals(200, created.status(), created.body());
        // a valid escape reaches the application, which decodes it: the store's id with its first letter escaped
        String escapedId = String.format("%%%02X", (int) store.charAt(0)) + store.substring(1);
        RawHttp.Answer escaped = viaProxy.send("GET", "/api/v1/stores/" + escapedId, null, "Authorization", "token " + apiKey);
        assertEquals(200, escaped.status(), escaped.body());
        assertEquals(store, json(escaped).getString("id"));
        // so does a dotted name that is not a dot segment
        RawHttp.Answer dotted = viaProxy.send("GET", "/.well-known/x..y", null);
        assertEquals(404, dotted.status(), dotted.body());
        // a broken escape in the query is the application's to judge: a 422 naming the parameter
        RawHttp.Answer query = viaProxy.send("GET", "/api/v1/stores/" + store + "/invoices?take=%zz", null,
                "Authorization", "token " + apiKey);
        assertEquals(422, query.status(), query.body());
        assertTrue(query.body().contains("take"), query.body());
        assertNull(log.newStackTrace(), "no stack trace for requests through the proxy");
    }

    private static JsonObject json(RawHttp.Answer a) {
        if (!a.contentType().startsWith("application/json") || a.body().isBlank()) {
            return Json.createObjectBuilder().build();
        }
        try (JsonReader r = Json.createReader(new StringReader(a.body()))) {
            return r.readValue() instanceof JsonObject o ? o : Json.createObjectBuilder().build();
        }
    }
}
