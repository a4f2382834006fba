package io.chaintill.chain.ethereum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The server's EVM chains ({@code chaintill.evm.<chain>.*}, Ethereum also as {@code chaintill.eth.*}; see
 * {@link EvmChainsConfig}). A chain's methods are offered only when its chain id is configured.
 */
@ApplicationScoped
public class EthereumSettings {
    private Config config;
    private volatile List<EvmChain> chains;

    protected EthereumSettings() {
    }

    @Inject
    public EthereumSettings(Config config) {
        this.config = config;
    }

    /** For tests and tools: fixed chains. */
    public static EthereumSettings of(List<EvmChain> chains) {
        EthereumSettings s = new EthereumSettings();
        s.chains = List.copyOf(chains);
        return s;
    }

    /** Every configured chain, by name; a malformed setting throws naming its key (the server must not start half-configured). */
    public List<EvmChain> chains() {
        List<EvmChain> c = chains;
        if (c == null) {
            c = EvmChainsConfig.parse(config.getPropertyNames(), key -> config.getOptionalValue(key, String.class));
            chains = c;
        }
        return c;
    }

    /** The chain named {@code ethereum} (ETH-CHAIN, SYMBOL-ERC20), if configured. */
    public Optional<EvmChain> ethereum() {
        return chains().stream().filter(c -> c.name().equals(EvmChain.ETHEREUM)).findFirst();
    }

    public Optional<Long> chainId() {
        return ethereum().map(EvmChain::chainId);
    }

    public boolean enabled() {
        return !chains().isEmpty();
    }

    /** Health and cursor keys of every chain's followers: {@code ETH} or {@code ETH-BASE}, and each token's method id. */
    public java.util.Set<String> followerKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (EvmChain c : chains()) {
            keys.add(c.name().equals(EvmChain.ETHEREUM) ? c.nativeSymbol() : c.nativeMethod().toString());
            c.tokens().forEach(t -> keys.add(t.methodId().toString()));
        }
        return keys;
    }

    /** The Ethereum chain's tokens. */
    public List<Erc20Token> tokens() {
        return ethereum().map(EvmChain::tokens).orElse(List.of());
    }
}
