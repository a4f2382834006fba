package io.chaintill.chain.ethereum;

/** An eth_call the node answered with a revert or execution error (as opposed to the node being unreachable). */
public class EthCallReverted extends RuntimeException {
    public EthCallReverted(String reason) {
        super(reason);
    }
}
