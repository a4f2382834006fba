package io.chaintill.chain.integrity;

import java.time.Duration;

/**
 * How long a chain may go without a block before that is suspicious. Blocks arrive as a Poisson process, so the
 * chance of no block for {@code t} is {@code exp(-t / meanInterval)}; the bound is the {@code t} where that chance
 * falls to {@code falseAlarm}: about 92 minutes for Bitcoin's 10 minutes at 1 in 10,000.
 */
public final class StallBound {
    /** One false alarm in about ten thousand quiet spells. */
    public static final double DEFAULT_FALSE_ALARM = 1e-4;

    private StallBound() {
    }

    public static Duration of(Duration meanInterval, double falseAlarm) {
        if (!(falseAlarm > 0 && falseAlarm < 1)) {
            throw new IllegalArgumentException("falseAlarm must be between 0 and 1");
        }
        return Duration.ofSeconds(Math.round(meanInterval.toSeconds() * Math.log(1 / falseAlarm)));
    }
}
