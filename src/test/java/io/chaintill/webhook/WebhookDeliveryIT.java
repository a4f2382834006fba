package io.chaintill.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.ChainTillDeployment;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.WebhookReceiver;
import io.chaintill.support.WebhookReceiver.Reply;
import io.chaintill.support.WebhookReceiver.Request;
import io.chaintill.support.WebhookSchemas;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks end to end: the real server (shipped WAR on Payara Micro, H2 or PostgreSQL) posting to a real HTTP
 * receiver on loopback (the test environment sets chaintill.webhook.allow-private, 1 s initial backoff and 2 s
 * timeouts). Each test uses its own store and receiver path, so tests do not see each other's deliveries.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookDeliveryIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final WebhookReceiver RECEIVER = WebhookReceiver.start();
    private static ApiClient api;
    private static String expiryStore;
    private static Hook expiryHook;
    private static String expiringInvoiceId;

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ChainTillDeployment.war();
    }

    /** A webhook as created: its id and the secret the POST answer revealed. */
    record Hook(String storeId, String id, String secret, String path) {
    }

    @BeforeEach
    void connect() {
        if (api == null) {
            api = ApiClient.at(url).admin().newKey("unrestricted");
        }
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    @Order(1)
    void aOneMinuteInvoiceIsCreatedFirstSoItsExpiryArrivesDuringTheOtherTests() {
        expiryStore = api.storeWithBitcoin("Expiry shop");
        expiryHook = hook(expiryStore, "/expiry", "{}");
        expiringInvoiceId = api.createInvoice(expiryStore, "{\"amount\":\"5\",\"checkout\":{\"expirationMinutes\":1}}")
                .getString("id");
    }

    @Test
    @Order(2)
    void triggerableEventsArriveSignedTwiceAndMatchTheSchemas() {
        String store = api.storeWithBitcoin("Events shop");
        Hook hook = hook(store, "/events", "{}");
        String settled = api.createInvoice(store, "{\"amount\":\"10\",\"metadata\":{\"orderId\":\"WC-1\",\"itemDesc\":\"Café crème\"}}")
                .getString("id");
        mark(store, settled, "Settled");
        String invalid = api.createInvoice(store, "{\"amount\":\"11\"}").getString("id");
        mark(store, invalid, "Invalid");

        List<Request> requests = RECEIVER.await("/events", 4, WAIT);
        Map<String, List<String>> typesByInvoice = requests.stream().map(r -> parse(r.bodyText())).collect(
                Collectors.groupingBy(b -> b.getString("invoiceId"), Collectors.mapping(b -> b.getString("type"), Collectors.toList())));
        // In order per invoice: created before settled/invalid.
        assertEquals(List.of("InvoiceCreated", "InvoiceSettled"), typesByInvoice.get(settled));
        assertEquals(List.of("InvoiceCreated", "InvoiceInvalid"), typesByInvoice.get(invalid));
        for (Request r : requests) {
            assertValidDelivery(r, hook);
        }
        JsonObject settledBody = requests.stream().map(r -> parse(r.bodyText()))
                .filter(b -> b.getString("type").equals("InvoiceSettled")).findFirst().orElseThrow();
        assertEquals("WC-1", settledBody.getJsonObject("metadata").getString("orderId"));
        assertEquals("Café crème", settledBody.getJsonObject("metadata").getString("itemDesc"));
        assertTrue(settledBody.getBoolean("manuallyMarked"));
    }

    @Test
    @Order(3)
    void serverErrorsAreRetriedUntilSuccessAndEveryAttemptIsLogged() {
        String store = api.storeWithBitcoin("Flaky shop");
        RECEIVER.script("/flaky", Reply.status(500), Reply.status(500), Reply.ok());
        Hook hook = hook(store, "/flaky", "{}");
        api.createInvoice(store, "{\"amount\":\"1\"}");

        List<Request> requests = RECEIVER.await("/flaky", 3, WAIT);
        Set<String> ids = requests.stream().map(r -> parse(r.bodyText()).getString("deliveryId")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "one delivery, three attempts");
        requests.forEach(r -> assertValidDelivery(r, hook));
        String deliveryId = ids.iterator().next();

        JsonObject delivery = awaitDelivery(hook, deliveryId, d -> d.getString("status").equals("HttpSuccess"));
        assertEquals(200, delivery.getInt("httpCode"));
        JsonArray attempts = delivery.getJsonArray("attempts");
        assertEquals(List.of(500, 500, 200), attempts.stream().map(a -> a.asJsonObject().getInt("httpCode")).toList());
        attempts.forEach(a -> assertTrue(a.asJsonObject().getJsonNumber("latencyMs").longValue() >= 0));
    }

    @Test
    @Order(4)
    void goneIsNotRetried() throws InterruptedException {
        String store = api.storeWithBitcoin("Gone shop");
        RECEIVER.script("/gone", Reply.status(410));
        Hook hook = hook(store, "/gone", "{}");
        api.createInvoice(store, "{\"amount\":\"1\"}");

        String deliveryId = parse(RECEIVER.await("/gone", 1, WAIT).get(0).bodyText()).getString("deliveryId");
        JsonObject delivery = awaitDelivery(hook, deliveryId, d -> !d.getString("status").equals("Pending"));
        assertEquals("HttpError", delivery.getString("status"));
        assertEquals(410, delivery.getInt("httpCode"));
        assertEquals(1, delivery.getJsonArray("attempts").size());
        Thread.sleep(3000); // longer than the first two backoff ceilings
        assertEquals(1, RECEIVER.requests("/gone").size());
    }

    @Test
    @Order(5)
    void aHangingReceiverTimesOutAndIsRetried() {
        String store = api.storeWithBitcoin("Slow shop");
        RECEIVER.script("/hang", Reply.hang());
        Hook hook = hook(store, "/hang", "{}");
        api.createInvoice(store, "{\"amount\":\"1\"}");

        List<Request> requests = RECEIVER.await("/hang", 2, WAIT);
        assertEquals(parse(requests.get(0).bodyText()).getString("deliveryId"), parse(requests.get(1).bodyText()).getString("deliveryId"));
        String deliveryId = parse(requests.get(0).bodyText()).getString("deliveryId");
        JsonObject delivery = awaitDelivery(hook, deliveryId, d -> d.getString("status").equals("HttpSuccess"));
        JsonObject first = delivery.getJsonArray("attempts").getJsonObject(0);
        assertTrue(first.isNull("httpCode"));
        assertTrue(first.getString("error").startsWith("timeout"), first.toString());
        assertTrue(first.getJsonNumber("latencyMs").longValue() >= 2000, first.toString());
    }

    @Test
    @Order(6)
    void redeliveryIsANewDeliveryOfTheSameEvent() {
        String store = api.storeWithBitcoin("Redelivery shop");
        Hook hook = hook(store, "/again", "{}");
        api.createInvoice(store, "{\"amount\":\"1\"}");
        Request original = RECEIVER.await("/again", 1, WAIT).get(0);
        String originalId = parse(original.bodyText()).getString("deliveryId");
        awaitDelivery(hook, originalId, d -> d.getString("status").equals("HttpSuccess"));

        ApiResponse answer = api.post(deliveries(hook) + "/" + originalId + "/redeliver", null).expect(200);
        String newId = Json.createReader(new StringReader(answer.body())).readValue().toString().replace("\"", "");
        assertNotEquals(originalId, newId);

        Request again = RECEIVER.await(r -> r.path().equals("/again") && r.bodyText().contains(newId), 1, WAIT).get(0);
        assertValidDelivery(again, hook);
        JsonObject body = parse(again.bodyText());
        assertTrue(body.getBoolean("isRedelivery"));
        assertEquals(originalId, body.getString("originalDeliveryId"));
        assertEquals(parse(original.bodyText()).getString("invoiceId"), body.getString("invoiceId"));
        // The stored request is byte for byte what went over the wire.
        ApiResponse stored = api.get(deliveries(hook) + "/" + newId + "/request").expect(200);
        assertEquals(again.bodyText(), stored.body());
        // Newest first in the list.
        awaitDelivery(hook, newId, d -> d.getString("status").equals("HttpSuccess"));
        JsonArray list = api.get(deliveries(hook)).expect(200).array();
        assertEquals(List.of(newId, originalId), list.stream().map(d -> d.asJsonObject().getString("id")).toList());
        assertEquals(1, api.get(deliveries(hook) + "?count=1").expect(200).array().size());
    }

    @Test
    @Order(7)
    void disabledWebhooksSendNothingAndAuthorizedEventsFilter() throws InterruptedException {
        String store = api.storeWithBitcoin("Filter shop");
        hook(store, "/disabled", "{\"enabled\":false}");
        Hook settledOnly = hook(store, "/settled-only",
                "{\"authorizedEvents\":{\"everything\":false,\"specificEvents\":[\"InvoiceSettled\"]}}");
        Hook control = hook(store, "/control", "{}");
        String invoice = api.createInvoice(store, "{\"amount\":\"1\"}").getString("id");
        mark(store, invoice, "Settled");

        List<Request> all = RECEIVER.await("/control", 2, WAIT);
        all.forEach(r -> assertValidDelivery(r, control));
        List<Request> filtered = RECEIVER.await("/settled-only", 1, WAIT);
        Thread.sleep(1500); // a wrongly sent InvoiceCreated would have come by now
        filtered = RECEIVER.requests("/settled-only");
        assertEquals(1, filtered.size());
        assertEquals("InvoiceSettled", parse(filtered.get(0).bodyText()).getString("type"));
        assertValidDelivery(filtered.get(0), settledOnly);
        assertEquals(List.of(), RECEIVER.requests("/disabled"));
    }

    @Test
    @Order(8)
    void webhookCrudAndBadInput() {
        String store = api.storeWithBitcoin("Crud shop");
        String base = "/api/v1/stores/" + store + "/webhooks";
        JsonObject created = api.post(base, "{\"url\":\"" + RECEIVER.url("/crud") + "\",\"secret\":\"my-own-secret\","
                + "\"automaticRedelivery\":false}").expect(200).object();
        assertEquals("my-own-secret", created.getString("secret"));
        assertFalse(created.getBoolean("automaticRedelivery"));
        assertTrue(created.getJsonObject("authorizedEvents").getBoolean("everything"));
        String id = created.getString("id");

        JsonObject read = api.get(base + "/" + id).expect(200).object();
        assertFalse(read.containsKey("secret"), "the secret is shown once, on creation");
        JsonObject updated = api.put(base + "/" + id, "{\"url\":\"" + RECEIVER.url("/crud2") + "\",\"enabled\":false}")
                .expect(200).object();
        assertFalse(updated.getBoolean("enabled"));
        assertEquals(1, api.get(base).expect(200).array().size());

        assertEquals("url", api.post(base, "{}").errorPath());
        assertEquals("url", api.post(base, "{\"url\":\"not a url\"}").errorPath());
        assertEquals("url", api.post(base, "{\"url\":\"ftp://example.com/hook\"}").errorPath());
        assertEquals("url", api.post(base, "{\"url\":\"https://example.com/" + "a".repeat(2000) + "\"}").errorPath());
        // Cloud metadata stays refused even though this server allows private targets.
        assertEquals("url", api.post(base, "{\"url\":\"http://169.254.169.254/latest/meta-data\"}").errorPath());
        assertEquals("secret", api.post(base, "{\"url\":\"https://example.com/\",\"secret\":\"" + "s".repeat(257) + "\"}").errorPath());
        assertEquals("authorizedEvents.specificEvents[1]", api.post(base, "{\"url\":\"https://example.com/\","
                + "\"authorizedEvents\":{\"everything\":false,\"specificEvents\":[\"InvoiceSettled\",\"PaymentRequestUpdated\"]}}").errorPath());
        assertEquals("url", api.put(base + "/" + id, "{\"url\":\"gopher://x/\"}").errorPath());
        assertEquals("count", api.get(base + "/" + id + "/deliveries?count=0").errorPath());

        api.delete(base + "/" + id).expect(200);
        api.get(base + "/" + id).expect(404);
        api.get(base + "/nope/deliveries").expect(404);
        assertEquals(403, api.newKey("btcpay.store.canviewinvoices").get(base).status());
    }

    /** Last: the minute runs out while the server of the crash test starts, is killed and restarts. */
    @Test
    @Order(11)
    void theOneMinuteInvoiceExpiredAndSaidSo() {
        Request expired = RECEIVER.await(r -> r.path().equals("/expiry") && r.bodyText().contains("InvoiceExpired"), 1,
                Duration.ofSeconds(90)).get(0);
        assertValidDelivery(expired, expiryHook);
        JsonObject body = parse(expired.bodyText());
        assertEquals(expiringInvoiceId, body.getString("invoiceId"));
        assertFalse(body.getBoolean("partiallyPaid"));
    }

    /**
     * A server killed (SIGKILL) while a request is in flight: after a restart the delivery is sent again, with the
     * same deliveryId, exactly once more; deliveries queued around the crash all arrive.
     */
    @Test
    @Order(10)
    void aDeliveryInFlightWhenTheServerIsKilledArrivesAgainAfterTheRestart() throws Exception {
        RECEIVER.script("/crash", Reply.hang());
        // A fresh H2 folder: one left by an earlier run may hold another schema version (PostgreSQL ignores it).
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "webhook-crash-data");
        try (ServerProcess server = ServerProcess.start(Map.of("CHAINTILL_DATA_DIR", dataDir.toString()))) {
            ApiClient other = server.api().admin().newKey("unrestricted");
            String store = other.storeWithBitcoin("Crash shop");
            Hook hook = hook(other, store, "/crash", "{}");
            String inFlight = other.createInvoice(store, "{\"amount\":\"1\"}").getString("id");
            Request hanging = RECEIVER.await("/crash", 1, WAIT).get(0);
            String deliveryId = parse(hanging.bodyText()).getString("deliveryId");
            String queued = other.createInvoice(store, "{\"amount\":\"2\"}").getString("id");

            server.kill();
            server.restart();
            // Both invoices were committed before the kill, so both (and their events) must have survived it.
            other.get("/api/v1/stores/" + store + "/invoices/" + queued).expect(200);

            List<Request> resent = RECEIVER.await(r -> r.path().equals("/crash") && r.bodyText().contains(deliveryId), 2,
                    Duration.ofSeconds(120));
            RECEIVER.await(r -> r.path().equals("/crash") && r.bodyText().contains(queued), 1, WAIT);
            Thread.sleep(3000);
            List<Request> all = RECEIVER.requests("/crash");
            assertEquals(2, all.stream().filter(r -> r.bodyText().contains(deliveryId)).count(), "exactly once more");
            all.forEach(r -> assertValidDelivery(r, hook));
            assertEquals(inFlight, parse(resent.get(1).bodyText()).getString("invoiceId"));
            JsonObject delivery = awaitDelivery(other, hook, deliveryId, d -> d.getString("status").equals("HttpSuccess"));
            assertEquals(200, delivery.getInt("httpCode"));
        }
    }

    // ---- helpers ----

    private static Hook hook(String storeId, String path, String extraJson) {
        return hook(api, storeId, path, extraJson);
    }

    private static Hook hook(ApiClient client, String storeId, String path, String extraJson) {
        JsonObject extra = parse(extraJson);
        var body = Json.createObjectBuilder(extra).add("url", RECEIVER.url(path).toString());
        JsonObject created = client.post("/api/v1/stores/" + storeId + "/webhooks", body.build().toString()).expect(200).object();
        return new Hook(storeId, created.getString("id"), created.getString("secret"), path);
    }

    private static void mark(String storeId, String invoiceId, String status) {
        api.post("/api/v1/stores/" + storeId + "/invoices/" + invoiceId + "/status", "{\"status\":\"" + status + "\"}").expect(200);
    }

    private static String deliveries(Hook hook) {
        return "/api/v1/stores/" + hook.storeId() + "/webhooks/" + hook.id() + "/deliveries";
    }

    private static JsonObject awaitDelivery(Hook hook, String deliveryId, Predicate<JsonObject> condition) {
        return awaitDelivery(api, hook, deliveryId, condition);
    }

    private static JsonObject awaitDelivery(ApiClient client, Hook hook, String deliveryId, Predicate<JsonObject> condition) {
        Instant end = Instant.now().plus(WAIT);
        JsonObject last = null;
        while (Instant.now().isBefore(end)) {
            last = client.get(deliveries(hook) + "/" + deliveryId).expect(200).object();
            if (condition.test(last)) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("delivery " + deliveryId + " never reached the expected state; last: " + last);
    }

    /** Both signatures verify over the raw bytes, the send time is now, and the body keeps the contract. */
    private static void assertValidDelivery(Request r, Hook hook) {
        WebhookSigner signer = new WebhookSigner();
        assertEquals(signer.btcpaySig(hook.secret(), r.body()), r.header("BTCPay-Sig"));
        String header = r.header("ChainTill-Signature");
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertTrue(Math.abs(r.receivedAt().getEpochSecond() - t) <= 5, "t=" + t + " is not the send time");
        assertEquals(signer.chainTillSignature(hook.secret(), r.body(), t), header);
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        WebhookSchemas.assertDelivered(r.bodyText());
        JsonObject body = parse(r.bodyText());
        assertEquals(hook.id(), body.getString("webhookId"));
        assertEquals(hook.storeId(), body.getString("storeId"));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
