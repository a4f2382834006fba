package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.PaymentMethodId;

/**
 * An ERC-20 token this server accepts, as the operator configured it: payment method {@code <SYMBOL>-ERC20}.
 *
 * @param contract the token contract, EIP-55 checksummed
 */
public record Erc20Token(String symbol, String contract, int decimals, long chainId) {

    public PaymentMethodId methodId() {
        return new PaymentMethodId(symbol, "ERC20");
    }
}
