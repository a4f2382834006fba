package io.chaintill.sweep;

import java.math.BigInteger;

/**
 * One deposit address in an EIP-7702 batch sweep: what it holds now ({@code tokens} null for an ether method), its
 * nonce (which its authorization must carry) and whether it already delegates to the sweeper (then it signs none).
 */
public record BatchDeposit(int index, String address, BigInteger ether, BigInteger tokens, BigInteger nonce,
                           boolean delegated) {

    public BigInteger tokensOrZero() {
        return tokens == null ? BigInteger.ZERO : tokens;
    }

    /** Nothing to move: the sweep leaves it out. */
    public boolean empty() {
        return ether.signum() == 0 && tokensOrZero().signum() == 0;
    }
}
