package io.chaintill.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSecretScanTest {
    private static final String API_KEY = "0123456789abcdef0123456789abcdef01234567";
    private static final String MNEMONIC = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path target;

    @Test
    void aCleanLogPasses() throws IOException {
        ledger("h2", "API_KEY", API_KEY, "PASSWORD", PASSWORD);
        Files.writeString(target.resolve("server-process-h2-1.log"), "INFO started\nINFO key ...4567 created\n");
        assertEquals(List.of(), LogSecretScan.scan(target));
        LogSecretScan.main(new String[] {target.toString()});
    }

    @Test
    void everyLoggedSecretIsNamedByLogAndKindButNeverShown() throws IOException {
        ledger("h2", "API_KEY", API_KEY, "PASSWORD", PASSWORD);
        ledger("postgres", "PRIVATE_KEY", MNEMONIC);
        Files.createDirectories(target.resolve("server-logs"));
        Files.writeString(target.resolve("server-logs/arquillian-h2.log"), "FINE login as a@b with " + PASSWORD + "\n");
        // an API key inside a longer hex run (say, logged next to a hash) is still found
        Files.writeString(target.resolve("server-process-postgres-2.log"), "x=ff" + API_KEY + "00 seed: " + MNEMONIC);
        List<String> findings = LogSecretScan.scan(target);
        assertEquals(List.of("server-logs/arquillian-h2.log contains a password",
                "server-process-postgres-2.log contains a private key", "server-process-postgres-2.log contains an API key"),
                findings.stream().sorted().toList());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogSecretScan.main(new String[] {target.toString()}));
        assertTrue(e.getMessage().contains("contains a password"), e.getMessage());
        for (String secret : List.of(API_KEY, PASSWORD, MNEMONIC)) {
            assertFalse(e.getMessage().contains(secret), "the check must not print the secret");
        }
    }

    @Test
    void withoutALedgerOrLogsThereIsNothingToFind() {
        assertEquals(List.of(), LogSecretScan.scan(target.resolve("missing")));
    }

    private void ledger(String db, String... kindAndSecret) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < kindAndSecret.length; i += 2) {
            b.append(kindAndSecret[i]).append('\t')
                    .append(Base64.getEncoder().encodeToString(kindAndSecret[i + 1].getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        Files.writeString(SecretLedger.file(target, db), b.toString());
    }
}
