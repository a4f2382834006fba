package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.PaymentMethodId;

/**
 * A chain's native coin (ETH-CHAIN on Ethereum, ETH-BASE, POL-POLYGON ...): sent to the account's /0/i address,
 * amounts in wei, EIP-681 {@code ?value=} links naming the chain id.
 */
public final class EthereumPaymentHandler extends EthereumAccountHandler {
    public static final PaymentMethodId ID = new PaymentMethodId("ETH", "CHAIN");
    public static final int DECIMALS = 18;

    public EthereumPaymentHandler(EvmChain chain, EthereumAccountKeys keys) {
        super(chain, keys);
    }

    @Override
    public PaymentMethodId id() {
        return chain().nativeMethod();
    }

    @Override
    public int decimals() {
        return DECIMALS;
    }

    @Override
    public String paymentLink(String destination, CryptoAmount remaining) {
        return Eip681Uri.ether(destination, chainId(), remaining == null ? null : remaining.units()).toUri();
    }
}
