package io.chaintill.sweep;

import java.math.BigInteger;

/**
 * What one deposit address holds on the node right now. For a token sweep {@code tokens} is its token
 * balance and {@code transferGas} the estimated gas of moving all of it; both are null for an ether sweep.
 */
public record DepositBalance(int index, String address, BigInteger ether, BigInteger tokens, BigInteger transferGas) {

    public static DepositBalance ether(int index, String address, BigInteger wei) {
        return new DepositBalance(index, address, wei, null, null);
    }

    public static DepositBalance token(int index, String address, BigInteger wei, BigInteger tokens, BigInteger transferGas) {
        return new DepositBalance(index, address, wei, tokens, transferGas);
    }
}
