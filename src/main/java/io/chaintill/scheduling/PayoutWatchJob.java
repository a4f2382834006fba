package io.chaintill.scheduling;

import io.chaintill.application.payout.BitcoinPayoutWatcher;
import io.chaintill.chain.ChainSourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Brings broadcast payout batches up to date with the node, at the chain follower's pace. */
@ApplicationScoped
public class PayoutWatchJob implements PeriodicJob {
    private static final Logger LOG = Logger.getLogger(PayoutWatchJob.class.getName());

    @Inject
    BitcoinPayoutWatcher watcher;
    @Inject
    @ConfigProperty(name = "chaintill.jobs.chain-interval-ms", defaultValue = "2000")
    long intervalMs;

    @Override
    public String name() {
        return "payout-watch";
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(intervalMs);
    }

    @Override
    public void run() {
        for (String batchId : watcher.watched()) {
            try {
                watcher.check(batchId);
            } catch (ChainSourceException e) {
                LOG.fine("payout batch " + batchId + " not checked, the node did not answer: " + e.getMessage());
                return;
            }
        }
    }
}
