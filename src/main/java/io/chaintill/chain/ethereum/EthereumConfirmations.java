package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.SpeedPolicy;

/**
 * Blocks a payment on Ethereum (ether or token) needs under each speed policy. Proof-of-stake blocks come every
 * 12 s and mainnet reorgs are rare and shallow (usually one block), so LowSpeed's 12 blocks (about 2.5 minutes)
 * stops short of finality (about 13 minutes) to keep checkouts short. There is no RBF signal:
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
