package io.chaintill.sweep;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Whether the node takes EIP-7702 (type-4) transactions: it is asked to estimate one carrying an authorization that a
 * throwaway key signs (nothing is sent). A node before Prague refuses any authorization list (anvil: "Eip7702 is not
 * supported"); a Prague node prices it. The answer decides between the batch sweep and top-up-then-transfer.
 */
final class SetCodeProbe {
    private SetCodeProbe() {
    }

    /** Empty if the node estimates a type-4 transaction; else the node's refusal, for the user. */
    static Optional<String> refusal(EthereumNode node, long chainId, String from) {
        ECKeyPair throwaway;
        try {
            throwaway = Keys.createEcKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a throwaway key", e);
        }
        SetCodeTransaction.Authorization auth = SetCodeTransaction.Authorization.sign(chainId, from, BigInteger.ZERO, throwaway);
        try {
            node.estimateSetCodeGas(from, from, "0x", List.of(auth), Map.of());
            return Optional.empty();
        } catch (SweepException e) {
            return Optional.of(e.getMessage());
        }
    }
}
