package io.chaintill.chain;

import java.util.List;

/**
 * A transaction as the follower needs it: outputs to match, the outpoints it spends ("txid:vout", for double-spend
 * detection) and whether it signals replace-by-fee (which raises the confirmations some speed policies ask for).
 */
public record ChainTransaction(String txid, boolean replaceable, List<ChainOutput> outputs, List<String> spentOutpoints) {
    public ChainTransaction {
        outputs = List.copyOf(outputs);
        spentOutpoints = List.copyOf(spentOutpoints);
    }
}
