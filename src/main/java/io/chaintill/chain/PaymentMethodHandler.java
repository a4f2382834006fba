package io.chaintill.chain;

import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payment.SpeedPolicy;
import java.util.List;

/**
 * Everything chain-specific about one payment method, so stores, invoices and the API stay chain-agnostic
 * (BTCPay's payment-method handler idea). One implementation per method: BTC-CHAIN, ETH-CHAIN, tokens.
 */
public interface PaymentMethodHandler {

    PaymentMethodId id();

    /** Decimals of the asset's smallest unit (8 for BTC). */
    int decimals();

    /**
     * Checks what a merchant pasted (xpub, derivation scheme) and returns its canonical form. Throws
     * {@link io.chaintill.domain.InvalidInputException} for bad input, never echoing secrets.
     */
    AccountKey parseAccountKey(String input);

    /** The deposit address at {@code index} of the receive chain of an account key in canonical form. */
    String destination(String canonicalKey, int index);

    /** Addresses {@code from .. from+count-1}, for the merchant to compare with their wallet. */
    List<String> preview(String canonicalKey, int from, int count);

    /** The link a wallet opens (BIP21, EIP-681), asking for {@code remaining} (null: any amount). */
    String paymentLink(String destination, CryptoAmount remaining);

    /**
     * Checks where a payout is to be sent (an address of this method's network, or a payment link naming one) and
     * returns the address in canonical form. Throws {@link io.chaintill.domain.InvalidInputException} naming
     * {@code field}, never echoing the input.
     */
    default String payoutDestination(String input, String field) {
        throw new io.chaintill.domain.InvalidInputException(field, "payouts in " + id() + " are not supported");
    }

    /** Confirmations that make a payment final under a policy. */
    int confirmationsRequired(SpeedPolicy policy, boolean replaceable);

    /**
     * The network in words ("Base", "Arbitrum One") where the same asset is taken on several networks, so the
     * checkout can tell the buyer which one to send on; empty where the method id says it all (BTC-CHAIN).
     */
    default java.util.Optional<String> network() {
        return java.util.Optional.empty();
    }

    /** A parsed account key: canonical text to store, and the id addresses are counted under. */
    record AccountKey(String canonical, String keyId, List<String> firstAddresses) {
    }
}
