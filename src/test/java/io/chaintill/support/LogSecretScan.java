package io.chaintill.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log check run after the whole integration suite (Maven's post-integration-test phase): no secret the tests
 * recorded in a {@link SecretLedger} appears in any server log under target/ (each {@link ServerProcess}'s log,
 * the Arquillian servers' console as {@link TestEnvironment} captures it). A finding names the log and the kind
 * of secret, never the secret. {@code main} fails (exception, so Maven's build fails) when anything is found.
 */
public final class LogSecretScan {
    private static final Pattern HEX_RUN = Pattern.compile("[0-9a-fA-F]{40,}");
    private static final Pattern API_KEY = Pattern.compile("[0-9a-f]{40}");

    private LogSecretScan() {
    }

    public static void main(String[] args) {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        List<String> findings = scan(target);
        int logs = logs(target).size();
        if (!findings.isEmpty()) {
            throw new IllegalStateException("secrets found in server logs (fix the logging; then run 'mvn clean'):\n  "
                    + String.join("\n  ", findings));
        }
        System.out.println("[log check] " + ledger(target).size() + " recorded secrets, " + logs
                + " server logs under " + target + ": none found");
    }

    /** One line per (log, kind of secret) found. */
    public static List<String> scan(Path target) {
        Map<String, SecretLedger.Kind> secrets = ledger(target);
        Map<String, SecretLedger.Kind> apiKeys = new HashMap<>();
        Map<String, SecretLedger.Kind> others = new HashMap<>();
        secrets.forEach((s, k) -> (API_KEY.matcher(s).matches() ? apiKeys : others).put(s, k));
        List<String> findings = new ArrayList<>();
        for (Path log : logs(target)) {
            String text = read(log);
            Set<SecretLedger.Kind> found = new TreeSet<>();
            // 40-hex API keys by lookup in every 40-character window of hex runs: linear in the log's size
            Matcher m = HEX_RUN.matcher(text);
            while (m.find()) {
                String run = m.group();
                for (int i = 0; i + 40 <= run.length(); i++) {
                    SecretLedger.Kind k = apiKeys.get(run.substring(i, i + 40));
                    if (k != null) {
                        found.add(k);
                    }
                }
            }
            others.forEach((s, k) -> {
                if (!found.contains(k) && text.contains(s)) {
                    found.add(k);
                }
            });
            for (SecretLedger.Kind k : found) {
                findings.add(target.relativize(log) + " contains " + k.description);
            }
        }
        return findings;
    }

    static Map<String, SecretLedger.Kind> ledger(Path target) {
        Map<String, SecretLedger.Kind> secrets = new HashMap<>();
        try (Stream<Path> files = Files.list(target)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("secret-ledger-.*\\.txt")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        String secret = new String(Base64.getDecoder().decode(line.substring(tab + 1)), StandardCharsets.UTF_8);
                        secrets.put(secret.strip(), SecretLedger.Kind.valueOf(line.substring(0, tab)));
                    }
                }
            }
        } catch (IOException e) {
            return secrets;
        }
        return secrets;
    }

    /** Server logs: *.log directly in target/ and in target/server-logs/. */
    static List<Path> logs(Path target) {
        Set<Path> logs = new LinkedHashSet<>();
        for (Path dir : List.of(target, target.resolve("server-logs"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".log") && Files.isRegularFile(p)).sorted()
                        .forEach(logs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ArrayList<>(logs);
    }

    private static String read(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
