package io.chaintill.chain.integrity;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Cumulative work: an honest node follows the chain with the most work, so a primary that claims a tip at least as
 * high as a witness's with less work behind it is on a low-work chain (a private fork mined at lower difficulty,
 * or made-up blocks). A primary below the witness has less work anyway: that is lag, not this.
 */
public final class WorkCheck {
    private WorkCheck() {
    }

    public static Optional<Condition> judge(String chain, SourceTip primary, BigInteger primaryWork, SourceTip witness,
                                            BigInteger witnessWork) {
        if (primary.tip().height() < witness.tip().height() || primaryWork.compareTo(witnessWork) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Condition(chain, AlertKind.INVALID_HEADER, List.of(primary.source(), witness.source()),
                primary.tip().height(), List.of(primary.tip().hash(), witness.tip().hash()),
                primary.source() + " is at height " + primary.tip().height() + " with less cumulative work (0x"
                        + primaryWork.toString(16) + ") than " + witness.source() + " at height "
                        + witness.tip().height() + " (0x" + witnessWork.toString(16) + "): a low-work chain"));
    }
}
