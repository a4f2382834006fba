package io.chaintill.chain.bitcoin.rpc;

/** The bitcoind RPC error codes ChainTill reacts to (src/rpc/protocol.h in Bitcoin Core/Knots). */
public final class BitcoindRpcErrorCodes {
    /** Unknown method. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** Block, transaction or wallet not found. */
    public static final int INVALID_ADDRESS_OR_KEY = -5;
    /** Invalid, missing or duplicate parameter. */
    public static final int INVALID_PARAMETER = -8;
    /** Node is still loading its block index or verifying blocks; retry later. */
    public static final int IN_WARMUP = -28;
    /** Transaction or block rejected by network rules (sendrawtransaction). */
    public static final int VERIFY_REJECTED = -26;
    /** Transaction already in the chain (sendrawtransaction). */
    public static final int VERIFY_ALREADY_IN_CHAIN = -27;
    /** Generic error; also "Block not available (pruned data)" on a pruned node. */
    public static final int MISC_ERROR = -1;
    /** Wallet RPC called with several wallets loaded and none named in the URL. */
    public static final int WALLET_NOT_SPECIFIED = -19;
    /** Requested wallet does not exist or is not loaded. */
    public static final int WALLET_NOT_FOUND = -18;

    private BitcoindRpcErrorCodes() {
    }
}
