package io.chaintill.application;

import io.chaintill.chain.ChainCursor;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.persistence.ChainCursors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * How far the server has scanned the chain a payment method lives on. Confirmations shown to merchants count from
 * this height (the stored cursor, shared by every node), so they match what settles the invoice, not the node's tip.
 */
@ApplicationScoped
public class ChainHeights {
    @Inject
    ChainCursors cursors;

    /** Empty before the chain's follower made its first pass. */
    public Optional<Integer> scannedHeight(PaymentMethodId method) {
        return cursors.find(chainOf(method)).map(ChainCursor::height);
    }

    /**
     * The cursor key the method's follower keeps: native coins by their currency (BTC, ETH), each token follower by
     * its method id (USDT-ERC20), since each token is scanned with its own cursor.
     */
    public static String chainOf(PaymentMethodId method) {
        return "CHAIN".equals(method.kind()) ? method.currency() : method.toString();
    }
}
