package io.chaintill.chain.integrity;

import java.time.Duration;

/**
 * The thresholds of one chain's checks.
 *
 * @param divergenceDepth blocks below the lower of two tips at which different hashes mean more than a normal reorg
 * @param lagBlocks       how far a source may be behind the best tip seen
 * @param stallAfter      no new block for this long (by wall clock and by block time) is a stall; zero turns it off
 * @param minPeers        fewer connections of the primary are an eclipse risk; zero turns it off
 */
public record IntegrityPolicy(int divergenceDepth, int lagBlocks, Duration stallAfter, int minPeers) {
    public IntegrityPolicy {
        if (divergenceDepth < 0 || lagBlocks < 0 || minPeers < 0 || stallAfter.isNegative()) {
            throw new IllegalArgumentException("integrity thresholds must not be negative");
        }
    }

    public boolean stallChecked() {
        return !stallAfter.isZero();
    }
}
