package io.chaintill.chain;

import java.math.BigInteger;

/** An output that pays a watched destination. */
public record ReceivedOutput(WatchedDestination watched, String txid, int outputIndex, BigInteger value,
                             boolean replaceable) {
}
