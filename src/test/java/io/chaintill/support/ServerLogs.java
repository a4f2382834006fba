package io.chaintill.support;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the servers of an integration-test run log, for {@link LogSecretScan}: each {@link ServerProcess} writes
 * target/server-process-<db>-<n>.log; Arquillian's Payara Micro prints to the test JVM's console, which is also
 * copied to target/server-logs/arquillian-<db>.log. A run starts with its own ledger and logs, so a leak fixed
 * since the last run is not reported again.
 */
final class ServerLogs {
    private ServerLogs() {
    }

    static void startRun(Path target, String db) {
        try {
            Files.createDirectories(target.resolve("server-logs"));
            Files.deleteIfExists(SecretLedger.file(target, db));
            try (Stream<Path> old = Files.list(target)) {
                for (Path p : old.filter(f -> f.getFileName().toString().startsWith("server-process-" + db + "-")
                        && f.getFileName().toString().endsWith(".log")).toList()) {
                    Files.delete(p);
                }
            }
            OutputStream copy = new FileOutputStream(target.resolve("server-logs/arquillian-" + db + ".log").toFile());
            System.setOut(new PrintStream(new Tee(System.out, copy), true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
