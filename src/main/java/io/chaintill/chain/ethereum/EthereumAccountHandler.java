package io.chaintill.chain.ethereum;

import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.domain.payment.SpeedPolicy;
import java.util.List;
import java.util.Optional;

/**
 * What the native coin and the token methods of every EVM chain share: keys are Ethereum account xpubs (one key
 * serves every chain), addresses EIP-55, confirmations from the chain's table. Subclasses add the asset (id,
 * decimals) and its payment link.
 */
public abstract class EthereumAccountHandler implements PaymentMethodHandler {
    private static final int PREVIEW_ON_PARSE = 3;
    private final EvmChain chain;
    private final EthereumAccountKeys keys;

    protected EthereumAccountHandler(EvmChain chain, EthereumAccountKeys keys) {
        this.chain = chain;
        this.keys = keys;
    }

    public EvmChain chain() {
        return chain;
    }

    /** The chain id payment links name and the node must run. */
    public long chainId() {
        return chain.chainId();
    }

    @Override
    public Optional<String> network() {
        return Optional.of(chain.displayName());
    }

    /**
     * The key id does not depend on the chain: every method of every EVM chain takes indexes from the key's one
     * address counter, so an address belongs to one invoice and one method only (docs/ethereum.md, "Addresses").
     */
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

    /** EVM chains have no opt-in replacement signal, so {@code replaceable} is ignored. */
    @Override
    public int confirmationsRequired(SpeedPolicy policy, boolean replaceable) {
        return chain.confirmations().required(policy);
    }

    /** The form a destination is matched on in blocks and logs (see {@link EthereumAddresses#matchKey}). */
    public String matchKey(String destination) {
        return EthereumAddresses.matchKey(destination);
    }
}
