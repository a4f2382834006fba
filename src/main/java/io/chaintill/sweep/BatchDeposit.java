package io.chaintill.sweep;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One deposit address in an EIP-7702 batch sweep: what it holds now (its ether and its balance of each token
 * contract, in the chain's token order), its nonce (which its authorization must carry) and whether it already
 * delegates to the sweeper (then it signs none).
 */
public record BatchDeposit(int index, String address, BigInteger ether, Map<String, BigInteger> tokens, BigInteger nonce,
                           boolean delegated) {

    public BatchDeposit {
        tokens = Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
    }

    /** Its balance of {@code contract}; zero if it was not read. */
    public BigInteger tokens(String contract) {
        return tokens.getOrDefault(contract, BigInteger.ZERO);
    }

    /** The token contracts it holds a balance of, in order. */
    public List<String> heldTokens() {
        return tokens.entrySet().stream().filter(e -> e.getValue().signum() > 0).map(Map.Entry::getKey).toList();
    }

    /** Nothing to move: the sweep leaves it out. */
    public boolean empty() {
        return ether.signum() == 0 && heldTokens().isEmpty();
    }
}
