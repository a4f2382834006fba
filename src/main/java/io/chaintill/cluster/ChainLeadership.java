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

    /** Called before every follow pass of {@code chain}; cheap between renewals. */
    public boolean mayFollow(String chain) {
        if (!settings.enabled()) {
            return true;
        }
        return keepers.computeIfAbsent(chain, c -> new LeaseKeeper("chain:" + c, settings.nodeId(),
                settings.leaseTtl(), settings.leaseRetry(), store, clock)).holds();
    }

    /** Shutdown hands every held chain to the next node at once instead of after the lease's expiry. */
    @PreDestroy
    void releaseAll() {
        keepers.values().forEach(LeaseKeeper::close);
    }
}
