package io.chaintill.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy (installed by {@code deploy/edge/install.sh} when missing) in front of one ChainTill server,
 * running the project's own edge configuration: {@code deploy/edge/haproxy-edge.cfg} then
 * {@code deploy/edge/haproxy.cfg}, with the ports given through the environment as in production.
 */
public final class HaProxy implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private final Process process;
    private final int port;

    private HaProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The haproxy binary: $HAPROXY, else whatever deploy/edge/install.sh finds or installs. */
    public static String binary() {
        return Installers.binary("HAPROXY", "deploy/edge/install.sh", Duration.ofMinutes(5), "haproxy");
    }

    /** Starts HAProxy on a free port, forwarding to 127.0.0.1:{@code backendPort}, and waits until it listens. */
    public static HaProxy inFrontOf(int backendPort) {
        String haproxy = binary();
        Path edge = Installers.projectScript("deploy/edge/haproxy-edge.cfg", "run from the project base dir");
        Path site = Installers.projectScript("deploy/edge/haproxy.cfg", "run from the project base dir");
        int port = BitcoindRegtest.freePort();
        Path log = Path.of("target", "haproxy-" + port + ".log").toAbsolutePath();
        // -db: stay in the foreground, so the process is ours to stop
        ProcessBuilder pb = new ProcessBuilder(List.of(haproxy, "-db", "-f", edge.toString(), "-f", site.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("EDGE_PORT", String.valueOf(port));
        pb.environment().put("CHAINTILL_PORT", String.valueOf(backendPort));
        try {
            Files.createDirectories(log.getParent());
            HaProxy proxy = new HaProxy(pb.start(), port);
            proxy.awaitListening(log);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts HAProxy on a free port with the cluster example's configuration ({@code deploy/cluster/haproxy.cfg}),
     * its server list replaced by {@code nodes} ("host:port" each, named node-1, node-2 ... in order).
     */
    public static HaProxy inFrontOfNodes(List<String> nodes) {
        String haproxy = binary();
        Path template = Installers.projectScript("deploy/cluster/haproxy.cfg", "run from the project base dir");
        int port = BitcoindRegtest.freePort();
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            servers.append("    server node-").append(i + 1).append(' ').append(nodes.get(i)).append(" check\n");
        }
        Path config = Path.of("target", "haproxy-cluster-" + port + ".cfg").toAbsolutePath();
        Path log = Path.of("target", "haproxy-cluster-" + port + ".log").toAbsolutePath();
        try {
            Files.createDirectories(config.getParent());
            Files.writeString(config, Files.readString(template).replace("127.0.0.1:8080", "127.0.0.1:" + port)
                    .replaceAll("(?s)    server node-1 .*?# end of servers\n", servers + "    # end of servers\n"));
            HaProxy proxy = new HaProxy(new ProcessBuilder(List.of(haproxy, "-db", "-f", config.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start(), port);
            proxy.awaitListening(log);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening(Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited during start; see " + log);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
        throw new IllegalStateException("haproxy not listening on " + port + " after " + READY_TIMEOUT + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
