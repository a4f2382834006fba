package io.chaintill.chain.ethereum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's Ethereum configuration: the node ({@code chaintill.eth.rpc.url}), the chain id it must run
 * ({@code chaintill.eth.chain-id}) and the accepted ERC-20 tokens ({@code chaintill.eth.tokens}, a comma-separated
 * list of {@code SYMBOL:0xContract:decimals}, e.g. {@code USDT:0xdAC17F958D2ee523a2206206994597C13D831ec7:6}).
 * ETH-CHAIN and the tokens are offered only when a chain id is configured.
 */
@ApplicationScoped
public class EthereumSettings {
    @Inject
    @ConfigProperty(name = "chaintill.eth.rpc.url")
    Optional<String> rpcUrl;
    @Inject
    @ConfigProperty(name = "chaintill.eth.chain-id")
    Optional<Long> chainId;
    @Inject
    @ConfigProperty(name = "chaintill.eth.tokens")
    Optional<String> tokens;

    private volatile List<Erc20Token> parsedTokens;

    public Optional<String> rpcUrl() {
        return rpcUrl.map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<Long> chainId() {
        return chainId;
    }

    public boolean enabled() {
        return chainId.isPresent();
    }

    /** The configured tokens; refuses a malformed list naming the key (the server must not start half-configured). */
    public List<Erc20Token> tokens() {
        if (parsedTokens == null) {
            parsedTokens = chainId.isEmpty() ? List.of() : Erc20TokenList.parse(tokens.orElse(""), chainId.get());
        }
        return parsedTokens;
    }
}
