package io.chaintill.chain;

import java.util.List;
import java.util.Optional;

/**
 * Read access to one chain (a node's RPC, an Esplora HTTP API ...) plus broadcast. Implementations are thread-safe and
 * throw {@link ChainSourceException} when the source cannot answer, so the follower can back off and retry.
 */
public interface ChainSource {

    /** Human-readable name for logs and health, e.g. "bitcoind http://127.0.0.1:8332". */
    String describe();

    /**
     * True when the source's chain is the one this server is configured for (a mainnet node must never serve a
     * regtest server): {@code network} for Bitcoin; chains identified otherwise (Ethereum's chain id) check the
     * identity they were configured with and ignore {@code network}.
     */
    boolean runsOn(ChainNetwork network);

    ChainTip tip();

    /** Hash of the block at {@code height} on the source's best chain; empty above its tip. */
    Optional<String> blockHash(int height);

    ChainBlock block(String hash);

    /** Ids of the transactions currently waiting in the mempool. */
    List<String> mempoolTxids();

    /** A mempool transaction; empty when it has left the mempool since it was listed. */
    Optional<ChainTransaction> mempoolTransaction(String txid);

    /**
     * Relays a signed transaction; returns its txid.
     *
     * @throws BroadcastRejectedException when the source refuses it, with the source's reason
     */
    String broadcast(String hex);
}
