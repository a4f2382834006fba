package io.chaintill.chain.ethereum;

import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.domain.payment.SpeedPolicy;
import java.util.List;

/**
 * What ETH-CHAIN and the ERC-20 methods share: keys are Ethereum account xpubs, addresses EIP-55, confirmations
 * from {@link EthereumConfirmations}. Subclasses add the asset (id, decimals) and its payment link.
 */
public abstract class EthereumAccountHandler implements PaymentMethodHandler {
    private static final int PREVIEW_ON_PARSE = 3;
    private final long chainId;
    private final EthereumAccountKeys keys;

    protected EthereumAccountHandler(long chainId, EthereumAccountKeys keys) {
        this.chainId = chainId;
        this.keys = keys;
    }

    /** The chain id payment links name and the node must run. */
    public long chainId() {
        return chainId;
    }

    @Override
    public AccountKey parseAccountKey(String input) {
        EthereumAccountKey key = EthereumAccountKey.parse(input);
        return new AccountKey(key.canonical(), key.keyId(), key.addresses(0, PREVIEW_ON_PARSE));
    }

    @Override
    public String destination(String canonicalKey, int index) {
        return keys.of(canonicalKey).address(index);
    }

    @Override
    public List<String> preview(String canonicalKey, int from, int count) {
        return keys.of(canonicalKey).addresses(from, count);
    }

    /** A 0x address (an EIP-55 checksum is checked when the input has mixed case); never a private key. */
    @Override
    public String payoutDestination(String input, String field) {
        return EthereumAddresses.payoutAddress(input, field);
    }

    /** Ethereum has no opt-in replacement signal, so {@code replaceable} is ignored. */
    @Override
    public int confirmationsRequired(SpeedPolicy policy, boolean replaceable) {
        return EthereumConfirmations.required(policy);
    }

    /** The form a destination is matched on in blocks and logs (see {@link EthereumAddresses#matchKey}). */
    public String matchKey(String destination) {
        return EthereumAddresses.matchKey(destination);
    }
}
