package io.chaintill.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * ChainTill in a Payara Micro process of its own, for tests that stop, kill (SIGKILL) and restart the server,
 * which Arquillian's one-start-per-class container cannot do. It inherits the test environment (database,
 * bitcoind, rates) and takes overrides. With H2 it needs its own data folder: H2 locks its files.
 */
public final class ServerProcess implements AutoCloseable {
    /** As long as Arquillian waits (arquillian.xml): a start takes minutes while other builds load the machine. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    /** Tests that start several servers one after another may allow each more while the machine is loaded. */
    private Duration readyTimeout = READY_TIMEOUT;
    private static int instances;

    private final Map<String, String> env;
    private final int port;
    private final Path log;
    private Process process;

    private ServerProcess(Map<String, String> env, int port, Path log) {
        this.env = env;
        this.port = port;
        this.log = log;
    }

    /** Starts a server on a free port and waits until its health endpoint answers. */
    public static ServerProcess start(Map<String, String> overrides) {
        return start(overrides, READY_TIMEOUT);
    }

    /** As {@link #start(Map)}, waiting up to {@code readyTimeout} for the server (and for each restart). */
    public static ServerProcess start(Map<String, String> overrides, Duration readyTimeout) {
        int n;
        synchronized (ServerProcess.class) {
            n = ++instances;
        }
        Map<String, String> env = new HashMap<>(overrides);
        if (!env.containsKey("CHAINTILL_DATA_DIR") && "h2".equals(TestEnvironment.db())) {
            env.put("CHAINTILL_DATA_DIR", Path.of("target", "server-process-" + TestEnvironment.db() + "-" + n + "-data").toAbsolutePath().toString());
        }
        ServerProcess server = new ServerProcess(env, BitcoindRegtest.freePort(),
                Path.of("target", "server-process-" + TestEnvironment.db() + "-" + n + ".log"));
        server.readyTimeout = readyTimeout;
        try {
            server.launch();
        } catch (RuntimeException e) {
            server.close(); // a server that did not come up must not outlive the test
            throw e;
        }
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ApiClient api() {
        return ApiClient.at(baseUrl());
    }

    public Path log() {
        return log;
    }

    /** The server's operating-system process id (the benchmarks read its CPU time, RSS and threads in /proc). */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hooks, no clean transaction end; what a power cut or OOM killer does. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM, a normal shutdown. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    /** Starts the same server again (same port, data and settings). */
    public void restart() {
        if (process.isAlive()) {
            stop();
        }
        try {
            launch();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        // the test servers' options (the failsafe configuration in pom.xml), then e.g.
        // -Dchaintill.server.jvm-args=-XX:StartFlightRecording=filename=target/x.jfr (the benchmarks' profiles)
        for (String property : List.of("chaintill.it.server.jvm-options", "chaintill.server.jvm-args")) {
            String options = System.getProperty(property, "");
            if (!options.isBlank()) {
                command.addAll(List.of(options.trim().split("\\s+")));
            }
        }
        command.addAll(List.of("-jar", jar("MICRO_JAR", "target/payara-micro.jar"), "--deploy", jar(null, "target/ROOT.war"),
                "--contextroot", "/", "--port", String.valueOf(port), "--nocluster", "--nohazelcast"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    private void awaitReady() {
        // HTTP/1.1: the client's default h2c upgrade attempt can leave Payara's listener answering
        // RST_STREAM on that connection, so the probe would never see the server come up
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited during start; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
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
        throw new IllegalStateException("server not ready after " + readyTimeout + "; see " + log.toAbsolutePath());
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String jar(String envName, String fallback) {
        String v = envName == null ? null : System.getenv(envName);
        return Path.of(v == null ? fallback : v).toAbsolutePath().toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
