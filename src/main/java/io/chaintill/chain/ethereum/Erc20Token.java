package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.PaymentMethodId;
import java.util.Set;

/**
 * An ERC-20 token this server accepts on one chain, as the operator configured it: payment method
 * {@code <SYMBOL>-ERC20} on Ethereum, {@code <SYMBOL>-<CHAIN>} elsewhere.
 *
 * @param contract the token contract, EIP-55 checksummed
 * @param onChainSymbols for a built-in preset, what {@code symbol()} must answer (empty: only a warning if it differs)
 */
public record Erc20Token(String symbol, String contract, int decimals, long chainId, PaymentMethodId methodId,
                         Set<String> onChainSymbols) {

    public Erc20Token {
        onChainSymbols = Set.copyOf(onChainSymbols);
    }

    /** A token on Ethereum given by address: {@code <SYMBOL>-ERC20}. */
    public Erc20Token(String symbol, String contract, int decimals, long chainId) {
        this(symbol, contract, decimals, chainId, new PaymentMethodId(symbol, "ERC20"), Set.of());
    }

    public boolean preset() {
        return !onChainSymbols.isEmpty();
    }
}
