package io.chaintill.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the two signature headers every webhook delivery carries (see webhooks/SIGNATURES.md).
 * Both are HMAC-SHA256 over the exact body bytes that go on the wire: the caller must sign the
 * same byte array it sends, never a re-serialization of the event.
 * Stateless and thread-safe.
 */
public final class WebhookSigner {

    /** BTCPay-compatible header: no timestamp, so no replay protection. */
    public static final String BTCPAY_SIG_HEADER = "BTCPay-Sig";
    /** ChainTill's header: binds a timestamp into the MAC so receivers can reject replays. */
    public static final String CHAINTILL_SIGNATURE_HEADER = "ChainTill-Signature";

    private static final String HMAC = "HmacSHA256";
    // 32 bytes = 256 bits: well above the 128-bit floor, and the HMAC-SHA256 block is larger anyway.
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Value of the {@code BTCPay-Sig} header: {@code sha256=<hex HMAC(secret, body)>}. */
    public String btcpaySig(String secret, byte[] body) {
        return "sha256=" + hmacHex(secret, body, null);
    }

    /**
     * Value of the {@code ChainTill-Signature} header: {@code t=<unixSeconds>,v1=<hex HMAC(secret, "t." + body)>}.
     * The timestamp is written in plain decimal, and exactly those digits are what gets signed.
     */
    public String chainTillSignature(String secret, byte[] body, long unixSeconds) {
        if (unixSeconds < 0) {
            throw new IllegalArgumentException("timestamp must not be negative");
        }
        String t = Long.toString(unixSeconds);
        return "t=" + t + ",v1=" + hmacHex(secret, body, (t + ".").getBytes(StandardCharsets.US_ASCII));
    }

    /** A fresh webhook secret: 256 random bits, URL-safe base64 without padding (43 chars, header/env safe). */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hmacHex(String secret, byte[] body, byte[] prefix) {
        // An empty key would be rejected by SecretKeySpec with an unhelpful message; a webhook
        // without a secret is a configuration error the caller should see plainly.
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret must not be empty");
        }
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            if (prefix != null) {
                mac.update(prefix);
            }
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory on every Java platform; this cannot happen on a conforming JRE.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
