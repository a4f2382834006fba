// ChainTill webhook signature verifier: one dependency-free file (Java 11+). Copy it into your
// project and add your own package line. Spec: webhooks/SIGNATURES.md.
//
//   byte[] body = request.getInputStream().readAllBytes();          // the RAW body, before any JSON parsing
//   ChainTillWebhookVerifier.verify(secret, body, request.getHeader("ChainTill-Signature"));
//   // throws java.security.SignatureException -> answer 400/401 and do not process the event

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public final class ChainTillWebhookVerifier {

    /** Default replay window: deliveries whose t is further than this from now are refused. */
    public static final long DEFAULT_TOLERANCE_SECONDS = 300;

    private ChainTillWebhookVerifier() {
    }

    /** Verifies a {@code ChainTill-Signature} header against the raw body, now, with the default tolerance. */
    public static void verify(String secret, byte[] rawBody, String header) throws SignatureException {
        verify(secret, rawBody, header, System.currentTimeMillis() / 1000, DEFAULT_TOLERANCE_SECONDS);
    }

    /**
     * Verifies a {@code ChainTill-Signature} header ({@code t=<unix>,v1=<hex>[,v1=<hex>...][,vN=...]}).
     * Passes if ANY v1 entry matches (several appear while a secret is rotated); unknown schemes are ignored.
     */
    public static void verify(String secret, byte[] rawBody, String header, long nowSeconds, long toleranceSeconds)
            throws SignatureException {
        if (header == null || header.isBlank()) {
            throw new SignatureException("missing ChainTill-Signature header");
        }
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue; // not key=value; tolerated like any unknown element
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                if (t != null) {
                    throw new SignatureException("more than one t= in ChainTill-Signature");
                }
                t = value;
            } else if (key.equals("v1")) {
                v1.add(value);
            }
        }
        if (t == null || !t.matches("[0-9]{1,15}")) {
            throw new SignatureException("ChainTill-Signature has no valid t=");
        }
        if (v1.isEmpty()) {
            throw new SignatureException("ChainTill-Signature has no v1= signature");
        }
        // Sign the timestamp digits exactly as received, then ".", then the raw body bytes.
        byte[] expected = hmacHex(secret, concat((t + ".").getBytes(StandardCharsets.US_ASCII), rawBody));
        boolean matched = false;
        for (String candidate : v1) {
            // Constant time, and no early exit, so timing reveals neither where nor which entry differs.
            matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        if (!matched) {
            throw new SignatureException("ChainTill-Signature does not match (wrong secret or altered body)");
        }
        long age = nowSeconds - Long.parseLong(t);
        if (Math.abs(age) > toleranceSeconds) {
            throw new SignatureException("ChainTill-Signature timestamp outside tolerance (" + age + " s)");
        }
    }

    /** Verifies a BTCPay-compatible {@code BTCPay-Sig: sha256=<hex>} header. No replay protection. */
    public static void verifyBtcpaySig(String secret, byte[] rawBody, String header) throws SignatureException {
        if (header == null || !header.startsWith("sha256=")) {
            throw new SignatureException("missing or malformed BTCPay-Sig header");
        }
        byte[] given = header.substring("sha256=".length()).trim().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(hmacHex(secret, rawBody), given)) {
            throw new SignatureException("BTCPay-Sig does not match (wrong secret or altered body)");
        }
    }

    private static byte[] hmacHex(String secret, byte[] data) throws SignatureException {
        if (secret == null || secret.isEmpty()) {
            throw new SignatureException("webhook secret not configured");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] raw = mac.doFinal(data);
            StringBuilder hex = new StringBuilder(raw.length * 2);
            for (byte b : raw) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString().getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new SignatureException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
