package io.chaintill.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret the integration tests hand to or get from a server (API keys, webhook secrets, passwords, private
 * keys), written to {@code target/secret-ledger-<db>.txt} so that {@code LogSecretScan}, run after the whole
 * suite, can prove that none of them reached a server log. One line per secret: kind, tab, Base64 of the secret.
 * Outside an integration-test run ({@code chaintill.it} unset) nothing is written.
 */
public final class SecretLedger {
    /** Shorter values (test passwords such as "x") would match ordinary log text by chance. */
    static final int MIN_LENGTH = 8;
    private static final Pattern ANSWER_SECRET = Pattern.compile("\"(apiKey|secret)\"\\s*:\\s*\"([^\"\\\\]{8,200})\"");
    private static final Pattern REQUEST_PASSWORD = Pattern.compile("\"password\"\\s*:\\s*\"([^\"\\\\]{8,200})\"");
    private static final Pattern EXTENDED_PRIVATE_KEY = Pattern.compile("[xyztuvXYZUV]prv[1-9A-HJ-NP-Za-km-z]{100,112}");
    private static final Set<String> SEEN = new HashSet<>();

    /** What a secret is; the scanner names the kind, never the value. */
    public enum Kind {
        API_KEY("an API key"), WEBHOOK_SECRET("a webhook secret"), PASSWORD("a password"), PRIVATE_KEY("a private key");

        public final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private SecretLedger() {
    }

    public static Path file(Path target, String db) {
        return target.resolve("secret-ledger-" + db + ".txt");
    }

    public static void record(Kind kind, String secret) {
        if (secret == null || secret.strip().length() < MIN_LENGTH || !Boolean.getBoolean("chaintill.it")) {
            return;
        }
        synchronized (SEEN) {
            if (!SEEN.add(kind + secret)) {
                return;
            }
            String line = kind.name() + "\t" + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)) + "\n";
            try {
                Files.writeString(file(Path.of("target"), TestEnvironment.db()), line, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** API keys and webhook secrets a server answered with. */
    public static void recordAnswer(String body) {
        if (body == null || !(body.contains("\"apiKey\"") || body.contains("\"secret\""))) {
            return;
        }
        Matcher m = ANSWER_SECRET.matcher(body);
        while (m.find()) {
            record(m.group(1).equals("apiKey") ? Kind.API_KEY : Kind.WEBHOOK_SECRET, m.group(2));
        }
    }

    /** Passwords and extended private keys a request carried. */
    public static void recordRequest(String body) {
        if (body == null) {
            return;
        }
        Matcher p = REQUEST_PASSWORD.matcher(body);
        while (p.find()) {
            record(Kind.PASSWORD, p.group(1));
        }
        Matcher k = EXTENDED_PRIVATE_KEY.matcher(body);
        while (k.find()) {
            record(Kind.PRIVATE_KEY, k.group());
        }
    }
}
