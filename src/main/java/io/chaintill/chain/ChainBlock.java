package io.chaintill.chain;

import java.util.List;

/** A block's identity, its parent (to notice a reorg while scanning forward) and its transactions. */
public record ChainBlock(String hash, String previousHash, List<ChainTransaction> transactions) {
    public ChainBlock {
        transactions = List.copyOf(transactions);
    }
}
