package io.chaintill.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Start to ready of a fresh ChainTill server (H2, no chain node, its data directory empty) against bare Payara
 * Micro deploying an empty WAR, both started the same way (same JVM, same heap limit, same flags), alternating, each
 * polled every 50 ms until it answers: {@code /api/v1/health} 200 for ChainTill, the WAR's one page for the bare
 * one. Also each one's resident memory once ready. The target: ChainTill no more than 2x the bare start.
 */
final class StartupBenchmark implements Benchmarks.Benchmark {
    private static final int ROUNDS = Integer.getInteger("bench.startup.rounds", 3);
    private static final Duration LIMIT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String run() throws Exception {
        Path dir = BenchFiles.temporaryDirectory("chaintill-bench-startup");
        Path emptyWar = emptyWar(dir.resolve("empty.war"));
        List<Start> bare = new ArrayList<>();
        List<Start> chainTill = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            bare.add(start(emptyWar, "/index.html", Map.of(), dir.resolve("bare-" + round + ".log")));
            Map<String, String> env = new HashMap<>(Map.of(
                    "CHAINTILL_DATA_DIR", Files.createDirectories(dir.resolve("data-" + round)).toString(),
                    "CHAINTILL_RATES_PROVIDERS", "fixed", "CHAINTILL_RATES_FIXED", "BTC_USD:50000"));
            chainTill.add(start(Path.of("target", "ROOT.war").toAbsolutePath(), "/api/v1/health", env,
                    dir.resolve("chaintill-" + round + ".log")));
        }
        double bareSeconds = median(bare.stream().mapToDouble(Start::seconds).toArray());
        double ours = median(chainTill.stream().mapToDouble(Start::seconds).toArray());
        return String.format("start to ready, median of %d alternating starts: ChainTill %.1f s (%s), bare Payara Micro"
                        + " with an empty WAR %.1f s (%s): ratio %.2f (limit 2); RSS when ready: ChainTill %d MB, bare %d MB",
                ROUNDS, ours, seconds(chainTill), bareSeconds, seconds(bare), ours / bareSeconds,
                (long) median(chainTill.stream().mapToDouble(Start::rssKb).toArray()) / 1024,
                (long) median(bare.stream().mapToDouble(Start::rssKb).toArray()) / 1024);
    }

    private record Start(double seconds, long rssKb) {
    }

    private static Start start(Path war, String readyPath, Map<String, String> env, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // -Dbench.startup.jvm-args="-XX:+UseSerialGC ...": the same options for both, to compare JVM settings
        String extra = System.getProperty("bench.startup.jvm-args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", Path.of(System.getenv().getOrDefault("MICRO_JAR", "target/payara-micro.jar")).toAbsolutePath().toString(),
                "--deploy", war.toString(), "--contextroot", "/", "--port", String.valueOf(port), "--nocluster", "--nohazelcast"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://127.0.0.1:" + port + readyPath);
        long started = System.nanoTime();
        Process process = pb.start();
        try {
            while (System.nanoTime() - started < LIMIT.toNanos()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited during start; see " + log);
                }
                if (answers(http, ready)) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    return new Start(seconds, ProcStats.of(process.pid()).rssKb());
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            throw new IllegalStateException("not ready after " + LIMIT + "; see " + log);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean answers(HttpClient http, URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** A WAR holding one static page and nothing else: what Payara Micro costs with no application in it. */
    private static Path emptyWar(Path war) throws IOException {
        try (OutputStream file = Files.newOutputStream(war); JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("index.html"));
            jar.write("<!doctype html><title>empty</title>".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return war;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String seconds(List<Start> starts) {
        return String.join(", ", starts.stream().map(s -> String.format("%.1f", s.seconds())).toList());
    }
}
