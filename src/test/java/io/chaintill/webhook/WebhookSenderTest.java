package io.chaintill.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.WebhookReceiver;
import io.chaintill.support.WebhookReceiver.Reply;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP receiver on loopback (allowed here, as the test server allows it). */
class WebhookSenderTest {
    static final String SECRET = "test-secret-" + "x".repeat(20);
    static final String BODY = "{\"deliveryId\":\"d1\",\"type\":\"InvoiceCreated\",\"metadata\":{\"itemDesc\":\"Café crème\"}}";

    final WebhookReceiver receiver = WebhookReceiver.start();
    // The request timeout leaves room for a cold JVM's first TLS-less request on a loaded machine (700 ms was
    // not: CI-like load made the very first send time out); the hanging-receiver test still proves the bound.
    final WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofMillis(2000),
            new PrivateAddressGuard(true, HostResolver.SYSTEM), Clock.systemUTC());

    @AfterEach
    void stop() {
        receiver.close();
    }

    ClaimedDelivery claim(String path) {
        return new ClaimedDelivery("d1", 1, receiver.url(path).toString(), SECRET, BODY, true, Instant.now(), Instant.now());
    }

    @Test
    void postsTheExactBodyWithBothSignatures() throws Exception {
        AttemptOutcome outcome = sender.send(claim("/hook")).get();
        assertEquals(200, outcome.httpStatus());
        assertTrue(outcome.succeeded());

        WebhookReceiver.Request r = receiver.requests().get(0);
        assertEquals("/hook", r.path());
        assertEquals(BODY, r.bodyText());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        WebhookSigner signer = new WebhookSigner();
        byte[] raw = BODY.getBytes(StandardCharsets.UTF_8);
        assertEquals(signer.btcpaySig(SECRET, raw), r.header("BTCPay-Sig"));
        String header = r.header("ChainTill-Signature");
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - t) <= 5, "t is the send time: " + t);
        assertEquals(signer.chainTillSignature(SECRET, raw, t), header);
    }

    @Test
    void reportsStatusAndRetryAfter() throws Exception {
        receiver.script("/busy", Reply.status(503).retryAfter("7"));
        AttemptOutcome outcome = sender.send(claim("/busy")).get();
        assertEquals(503, outcome.httpStatus());
        assertEquals(Duration.ofSeconds(7), outcome.retryAfter());
        assertTrue(outcome.retryable());
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        receiver.script("/moved", Reply.status(302));
        AttemptOutcome outcome = sender.send(claim("/moved")).get();
        assertEquals(302, outcome.httpStatus());
        assertEquals(1, receiver.requests().size());
    }

    @Test
    void aHangingReceiverTimesOut() throws Exception {
        receiver.script("/slow", Reply.hang());
        long start = System.nanoTime();
        AttemptOutcome outcome = sender.send(claim("/slow")).get();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertNull(outcome.httpStatus());
        assertTrue(outcome.error().startsWith("timeout"), outcome.error());
        assertTrue(outcome.retryable());
        assertTrue(tookMs >= 2000 && tookMs < 6000, "took " + tookMs + " ms");
    }

    @Test
    void aClosedPortIsARetryableNetworkError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ClaimedDelivery closed = new ClaimedDelivery("d1", 1, "http://127.0.0.1:" + port + "/", SECRET, BODY, true,
                Instant.now(), Instant.now());
        AttemptOutcome outcome = sender.send(closed).get();
        assertNull(outcome.httpStatus());
        assertTrue(outcome.retryable(), outcome.error());
    }

    @Test
    void refusedTargetsAreNeverContacted() throws Exception {
        WebhookSender strict = new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(2),
                new PrivateAddressGuard(false, HostResolver.SYSTEM), Clock.systemUTC());
        AttemptOutcome outcome = strict.send(claim("/private")).get();
        assertTrue(outcome.refused());
        assertTrue(outcome.error().contains("127.0.0.1"), outcome.error());
        assertEquals(List.of(), receiver.requests());
    }
}
