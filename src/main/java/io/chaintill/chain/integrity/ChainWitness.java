package io.chaintill.chain.integrity;

import io.chaintill.chain.ChainTip;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A read-only, cheap view of one source of a chain (the primary or an independent witness): its tip, the hash at a
 * height, a block's header and whether a given transaction is in a given block of its best chain. Implementations
 * throw {@link io.chaintill.chain.ChainSourceException} when the source cannot answer, and never put credentials in
 * {@link #describe()} or in an exception message.
 */
public interface ChainWitness {

    /** Kind and address without credentials, e.g. "bitcoind http://127.0.0.1:8332". */
    String describe();

    /** Why the source is not on the chain this server is configured for, or empty when it is. */
    Optional<String> networkMismatch();

    ChainTip tip();

    /** Hash of the block at {@code height} on the source's best chain; empty above its tip. */
    Optional<String> blockHash(int height);

    BlockHeader header(String hash);

    /** True when the transaction is in block {@code blockHash} and that block is on the source's best chain. */
    boolean includes(String txid, String blockHash);

    /**
     * Cumulative proof of work of the chain ending in block {@code hash}, where the chain has work and the source
     * reports it (bitcoind's chainwork); empty otherwise.
     */
    default Optional<java.math.BigInteger> chainWork(String hash) {
        return Optional.empty();
    }

    /** Connections to other nodes, where the source exposes them (eclipse risk). */
    default OptionalInt peers() {
        return OptionalInt.empty();
    }
}
