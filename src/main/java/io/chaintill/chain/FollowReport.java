package io.chaintill.chain;

/** What one follow pass did, for logs, health and tests. */
public record FollowReport(ChainTip tip, ChainCursor cursor, int blocksApplied, int reorgDepth, int mempoolPayments,
                           int droppedTransactions) {
}
