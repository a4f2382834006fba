package io.chaintill.chain.integrity;

import io.chaintill.chain.ChainTip;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Primary and witness disagree about the block at a height {@code depth} below the lower of their tips: whichever of
 * them is right, one side follows a fork longer than a normal reorg (a minority chain, a private fork, a lying
 * source). Shallower differences are ordinary races between miners and are left to the follower's reorg handling.
 */
public final class DivergenceCheck {
    private DivergenceCheck() {
    }

    /** The height to compare the two sources at, or empty when their chains are still too short. */
    public static OptionalInt heightToCompare(ChainTip primary, ChainTip witness, int depth) {
        int h = Math.min(primary.height(), witness.height()) - depth;
        return h < 0 ? OptionalInt.empty() : OptionalInt.of(h);
    }

    public static Optional<Condition> judge(String chain, String primary, String witness, int height,
                                            Optional<String> primaryHash, Optional<String> witnessHash, int depth) {
        if (primaryHash.isEmpty() || witnessHash.isEmpty() || primaryHash.equals(witnessHash)) {
            return Optional.empty();
        }
        return Optional.of(new Condition(chain, AlertKind.DIVERGENCE, List.of(primary, witness), height,
                List.of(primaryHash.get(), witnessHash.get()),
                primary + " and " + witness + " have different blocks at height " + height + ", more than " + depth
                        + " block(s) below the lower tip: one of them follows another chain"));
    }
}
