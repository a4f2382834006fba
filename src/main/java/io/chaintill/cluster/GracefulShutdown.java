package io.chaintill.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SIGTERM in cluster mode, in the order a balancer needs: this node reports not ready (/health/ready DOWN) and hands
 * its chain leases to the next node at once; then it waits {@code shutdown-drain-seconds} for the balancer's health
 * checks to take it out of rotation, then for the requests it is still answering (at most
 * {@code shutdown-timeout-seconds}), and only then exits. The JVM's own SIGTERM handling would start Payara's
 * shutdown at once and cut those requests off, so the signal is taken over here; the exit then runs the usual
 * shutdown hooks.
 */
@ApplicationScoped
public class GracefulShutdown {
    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    /** What the JVM's default SIGTERM handling exits with (128 + 15). */
    static final int EXIT_STATUS = 143;

    @Inject
    ClusterSettings settings;
    @Inject
    ChainLeadership leadership;
    @Inject
    @ConfigProperty(name = "chaintill.cluster.shutdown-drain-seconds", defaultValue = "2")
    int drainSeconds;
    @Inject
    @ConfigProperty(name = "chaintill.cluster.shutdown-timeout-seconds", defaultValue = "20")
    int timeoutSeconds;

    private static volatile boolean draining;

    /** Whether this node is shutting down; readiness reports DOWN from the first moment. */
    public static boolean draining() {
        return draining;
    }

    void install(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!settings.enabled()) {
            return;
        }
        if (drainSeconds < 0 || drainSeconds > 300 || timeoutSeconds < 0 || timeoutSeconds > 600) {
            throw new IllegalStateException("chaintill.cluster.shutdown-drain-seconds must be 0-300 and"
                    + " chaintill.cluster.shutdown-timeout-seconds 0-600");
        }
        // the signal arrives on a JVM thread without the application's class loader, which the CDI proxies need
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> {
                Thread t = new Thread(this::shutDown, "chaintill-graceful-shutdown");
                t.setContextClassLoader(application);
                t.setDaemon(false);
                t.start();
            });
            LOG.info("node " + settings.nodeId() + " drains before exiting on SIGTERM (" + drainSeconds
                    + " s for the balancer, up to " + timeoutSeconds + " s for requests in flight)");
        } catch (LinkageError | IllegalArgumentException e) {
            // no signal API here: SIGTERM stops the JVM at once, and the shutdown hook still releases the leases
            LOG.log(Level.WARNING, "SIGTERM cannot be drained on this JVM; a stop cuts requests in flight", e);
        }
    }

    private synchronized void shutDown() {
        if (draining) {
            return; // a second SIGTERM while draining changes nothing
        }
        long started = System.nanoTime();
        draining = true;
        try {
            LOG.info("SIGTERM: node " + settings.nodeId() + " is not ready any more and hands over its chains");
            leadership.releaseAll();
            int left = InFlightRequests.COUNT.awaitIdle(Duration.ofSeconds(drainSeconds),
                    Duration.ofSeconds(timeoutSeconds));
            LOG.info("node " + settings.nodeId() + " drained in " + (System.nanoTime() - started) / 1_000_000
                    + " ms, " + left + " requests still in flight; exiting");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "graceful shutdown failed; exiting anyway (the leases expire by themselves)", e);
        } finally {
            System.exit(EXIT_STATUS); // whatever happened above: a SIGTERM must end the process
        }
    }
}
