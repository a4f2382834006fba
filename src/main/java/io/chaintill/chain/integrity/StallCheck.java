package io.chaintill.chain.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A source whose tip has not changed for longer than the bound, judged twice: by our own clock (since we first saw
 * that tip) and by the tip's block timestamp. Both must exceed the bound, so neither a restart of ChainTill (which
 * resets the first) nor a miner's skewed timestamp (which moves the second) raises it alone.
 */
public final class StallCheck {
    private StallCheck() {
    }

    public static Optional<Condition> judge(String chain, SourceTip tip, Instant firstSeen, Instant blockTime,
                                            Instant now, Duration bound) {
        if (bound.isZero()) {
            return Optional.empty();
        }
        Duration seen = Duration.between(firstSeen, now);
        Duration sinceBlock = Duration.between(blockTime, now);
        if (seen.compareTo(bound) <= 0 || sinceBlock.compareTo(bound) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Condition(chain, AlertKind.STALL, List.of(tip.source()), tip.tip().height(),
                List.of(tip.tip().hash()), tip.source() + " has had no new block for " + minutes(seen)
                + " (tip " + tip.tip().height() + ", block time " + minutes(sinceBlock) + " ago; bound "
                + minutes(bound) + ")"));
    }

    private static String minutes(Duration d) {
        return d.toSeconds() < 120 ? d.toSeconds() + " s" : d.toMinutes() + " min";
    }
}
