package io.chaintill.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which chains this node follows. Alone, every chain; in cluster mode, those whose database lease it holds. The
 * lease only keeps standby nodes from doing the work twice: that a block is applied once is the chain cursor's
 * compare-and-set (ChainLedgerService.applyBlock), which holds even if two nodes briefly both think they lead.
 */
@ApplicationScoped
public class ChainLeadership {
    @Inject
    ClusterSettings settings;
    @Inject
    LeaseStore store;
    @Inject
    Clock clock;

    private final Map<String, LeaseKeeper> keepers = new ConcurrentHashMap<>();
    /**
     * Payara Micro's SIGTERM handling stops the JVM without destroying application beans first, so the hand-over
     * runs in a JVM shutdown hook of its own (and in {@link #releaseAll()} on a plain undeploy).
     */
    private final Thread releaseOnExit = new Thread(this::closeAll, "chaintill-lease-release");
    private volatile boolean hooked;

    /** Called before every follow pass of {@code chain}; cheap between renewals. */
    public boolean mayFollow(String chain) {
        if (!settings.enabled()) {
            return true;
        }
        hookOnce();
        return keepers.computeIfAbsent(chain, c -> new LeaseKeeper("chain:" + c, settings.nodeId(),
                settings.leaseTtl(), settings.leaseRetry(), store, clock)).holds();
    }

    /** Shutdown hands every held chain to the next node at once instead of after the lease's expiry. */
    @PreDestroy
    void releaseAll() {
        closeAll();
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(releaseOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already exiting: the hook runs (or ran) anyway
            }
        }
    }

    private void closeAll() {
        keepers.values().forEach(LeaseKeeper::close);
    }

    private synchronized void hookOnce() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(releaseOnExit);
            hooked = true;
        }
    }
}
