package io.chaintill.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests. Every expected value below was computed outside Java (openssl dgst -sha256 -hmac,
 * Python's hmac module, or RFC 4231) so a bug shared by the signer and a Java-based check cannot hide.
 */
class WebhookSignerTest {

    private final WebhookSigner signer = new WebhookSigner();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rfc4231TestCase2() {
        // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?".
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                signer.btcpaySig("Jefe", utf8("what do ya want for nothing?")));
    }

    @Test
    void btcpaySigKnownAnswer() {
        // printf '%s' '{"type":"InvoiceSettled"}' | openssl dgst -sha256 -hmac 'chaintill-test-secret'
        assertEquals("sha256=917d0ca9ddb89722c9c522a0e3be004fe8773254ac9eadd830498fb2822057bb",
                signer.btcpaySig("chaintill-test-secret", utf8("{\"type\":\"InvoiceSettled\"}")));
    }

    @Test
    void chainTillSignatureKnownAnswer() {
        // printf '%s' '1767225600.{"type":"InvoiceSettled"}' | openssl dgst -sha256 -hmac 'chaintill-test-secret'
        assertEquals("t=1767225600,v1=93870b864d0e1d706457d3f10b38fba134d40b2edbd0402ac3f6797ea27e3a38",
                signer.chainTillSignature("chaintill-test-secret", utf8("{\"type\":\"InvoiceSettled\"}"), 1767225600L));
    }

    @Test
    void secretAndBodyAreUtf8() {
        // Python: hmac.new("sécret-☕".encode(), '{"itemDesc":"Café crème"}'.encode(), sha256)
        byte[] body = utf8("{\"itemDesc\":\"Café crème\"}");
        assertEquals("sha256=a0846c1660c1c946cbe2680799d1e3c24f5d68fc8b06ae9a46d93bc2eecef666",
                signer.btcpaySig("sécret-☕", body));
        assertEquals("t=42,v1=4fd695f957014ae4689c6f42ca705bbb0f258f81c666864d8afb315ba0040e84",
                signer.chainTillSignature("sécret-☕", body, 42L));
    }

    @Test
    void emptyBodyAndZeroTimestamp() {
        assertEquals("sha256=c34c4b6ad107d7c41a5d2e95af78408884e3e06e68bd8751f66537aed7315feb",
                signer.btcpaySig("chaintill-test-secret", new byte[0]));
        assertEquals("t=0,v1=023f1e3a494798be0eb1975cd0947384c90f6be3289902ae114c4cb469d44c6d",
                signer.chainTillSignature("chaintill-test-secret", new byte[0], 0L));
    }

    @Test
    void signaturesMdExample() {
        // The worked example in webhooks/SIGNATURES.md (values from openssl); keeps the document honest.
        String body = "{\"deliveryId\":\"Wn6PkD4sXr8TbYq3JmCv9H\",\"webhookId\":\"3Xv8Kt4nQdJ8sZqR7LmWcE\","
                + "\"originalDeliveryId\":\"Wn6PkD4sXr8TbYq3JmCv9H\",\"isRedelivery\":false,\"type\":\"InvoiceSettled\","
                + "\"timestamp\":1767226833,\"storeId\":\"9CiNzKoANXxmk5ayZngSXrHTiVvvgCrwrpFQd4m2K776\","
                + "\"invoiceId\":\"M2ySgHtKyA7ZrzxHk9aBJ4\",\"metadata\":{\"orderId\":\"WC-10482\"},"
                + "\"manuallyMarked\":false,\"overPaid\":false}";
        String secret = "8mJbXn2Qr5TzVw9LkHc4PdYs7Fg3Ea6U";
        assertEquals(358, utf8(body).length);
        assertEquals("sha256=71e2b0b22ef131c6e72f1cdcd9dac5ec4be16cf511f713790bc09c2b503d5dbf",
                signer.btcpaySig(secret, utf8(body)));
        assertEquals("t=1767226834,v1=6b26322ece1e2cc1e76332a513be788d34f38ab84d4120a08e0676ec7d9d6e7f",
                signer.chainTillSignature(secret, utf8(body), 1767226834L));
    }

    @Test
    void timestampIsPartOfTheSignature() {
        byte[] body = utf8("{}");
        String a = signer.chainTillSignature("s", body, 1000L);
        String b = signer.chainTillSignature("s", body, 1001L);
        assertNotEquals(a.substring(a.indexOf("v1=")), b.substring(b.indexOf("v1=")));
    }

    @Test
    void rejectsMissingSecretAndNegativeTimestamp() {
        assertThrows(IllegalArgumentException.class, () -> signer.btcpaySig("", utf8("{}")));
        assertThrows(IllegalArgumentException.class, () -> signer.btcpaySig(null, utf8("{}")));
        assertThrows(IllegalArgumentException.class, () -> signer.chainTillSignature("s", utf8("{}"), -1L));
    }

    @Test
    void newSecretsAreLongRandomAndUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = WebhookSigner.newSecret();
            assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
            assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
            assertTrue(seen.add(secret), "duplicate secret");
        }
    }
}
