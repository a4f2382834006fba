package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.SpeedPolicy;

/**
 * Blocks a payment on Ethereum (ether or token) needs under each speed policy. Proof-of-stake blocks come every
 * 12 s and reorgs deeper than a couple of blocks are rare, so LowSpeed's 12 blocks (about 2.5 minutes) is well
 * before finality (about 13 minutes) but past every reorg seen on mainnet since the merge. There is no RBF signal:
 * any pending transaction can be replaced by one with the same nonce, so "replaceable" does not change the count.
 */
public final class EthereumConfirmations {
    private EthereumConfirmations() {
    }

    public static int required(SpeedPolicy policy) {
        return switch (policy) {
            case HighSpeed -> 0;
            case MediumSpeed -> 2;
            case LowMediumSpeed -> 6;
            case LowSpeed -> 12;
        };
    }
}
