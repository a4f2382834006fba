package io.chaintill.chain.integrity;

/** The named integrity conditions (docs/chain-integrity.md says what each means and what an operator does). */
public enum AlertKind {
    /** The primary and a witness have different blocks at a height deeper than a normal reorg. */
    DIVERGENCE,
    /** A source is behind the best tip seen by more than the allowed number of blocks. */
    LAG,
    /** No new block for much longer than the chain's block interval allows. */
    STALL,
    /** The primary served a header that does not link or does not meet its proof-of-work target. */
    INVALID_HEADER,
    /** The primary node has fewer connections than the configured minimum. */
    FEW_PEERS,
    /** A source does not answer. */
    SOURCE_DOWN,
    /** A source is on another network or chain than the server. */
    WRONG_NETWORK,
    /** The primary does not answer and the follower reads a witness instead until it does. */
    FAILOVER,
    /** A USD-pegged token trades outside its peg band (docs/rates.md); raised on the chain "rate:&lt;TOKEN&gt;". */
    DEPEG;

    /**
     * Whether settlement on the chain's word is in doubt (another chain, a forged header, a wrong network): the
     * ChainAlert webhook's "critical"; the rest are "warning" (a source is slow, alone or gone, a token off its peg).
     */
    public boolean critical() {
        return this == DIVERGENCE || this == INVALID_HEADER || this == WRONG_NETWORK;
    }

    /** The kind of an alert as stored ({@link #id()}), or empty for a kind this version does not know. */
    public static java.util.Optional<AlertKind> ofId(String id) {
        return java.util.Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    /** The API's spelling: "divergence", "invalid-header" ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
