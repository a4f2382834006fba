package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.PaymentMethodId;

/**
 * {@code <SYMBOL>-ERC20} on Ethereum, {@code <SYMBOL>-<CHAIN>} elsewhere: a configured token sent with
 * {@code transfer} to the account's /0/i address; amounts in the token's base units (its own decimals), EIP-681
 * {@code /transfer?address=…&uint256=…} links naming the chain id.
 */
public final class Erc20PaymentHandler extends EthereumAccountHandler {
    private final Erc20Token token;

    public Erc20PaymentHandler(Erc20Token token, EvmChain chain, EthereumAccountKeys keys) {
        super(chain, keys);
        this.token = token;
    }

    public Erc20Token token() {
        return token;
    }

    @Override
    public PaymentMethodId id() {
        return token.methodId();
    }

    @Override
    public int decimals() {
        return token.decimals();
    }

    @Override
    public String paymentLink(String destination, CryptoAmount remaining) {
        return Eip681Uri.tokenTransfer(token.contract(), chainId(), destination,
                remaining == null ? null : remaining.units()).toUri();
    }
}
