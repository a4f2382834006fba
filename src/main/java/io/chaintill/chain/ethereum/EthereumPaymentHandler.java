package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.PaymentMethodId;

/** ETH-CHAIN: ether to the account's /0/i address, amounts in wei, EIP-681 {@code ?value=} links. */
public final class EthereumPaymentHandler extends EthereumAccountHandler {
    public static final PaymentMethodId ID = new PaymentMethodId("ETH", "CHAIN");
    public static final int DECIMALS = 18;

    public EthereumPaymentHandler(long chainId, EthereumAccountKeys keys) {
        super(chainId, keys);
    }

    @Override
    public PaymentMethodId id() {
        return ID;
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
