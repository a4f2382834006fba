package io.chaintill.chain.bitcoin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server (target/ROOT.war on target/payara-micro.jar) as a separate process that can be killed and
 * started again on the same data directory: what a crash and restart look like to the chain follower.
 */
final class TrackingServer implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final Map<String, String> env;
    private Process process;
    private int starts;

    TrackingServer(Path dataDir, int port, Map<String, String> env) {
        this.dataDir = dataDir;
        this.port = port;
        this.env = env;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void start() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path war = base.resolve("target/ROOT.war");
        Path micro = base.resolve("target/payara-micro.jar");
        if (!Files.isRegularFile(war) || !Files.isRegularFile(micro)) {
            throw new IllegalStateException("run mvn package first: " + war + " / " + micro + " missing");
        }
        try {
            Files.createDirectories(dataDir);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", micro.toString(), "--deploy", war.toString(), "--port", String.valueOf(port), "--nocluster",
                    "--rootdir", dataDir.resolve("payara-" + starts).toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
            pb.environment().putAll(env);
            pb.environment().put("CHAINTILL_DATA_DIR", dataDir.resolve("data").toString());
            process = pb.start();
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(Duration.ofSeconds(180));
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited; see " + dataDir.resolve("server.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("server not healthy within " + timeout + "; see " + dataDir.resolve("server.log"));
    }

    /** SIGKILL: no shutdown hooks, no clean close, like a crash or a pulled plug. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
