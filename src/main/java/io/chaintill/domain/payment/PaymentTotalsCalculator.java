package io.chaintill.domain.payment;

import io.chaintill.domain.invoice.PaymentTotals;
import java.util.List;

/**
 * Sums an invoice's payments for one payment method: received counts every valid payment, confirmed only those
 * with at least the confirmations the speed policy asks for (which may depend on the payment signalling RBF) and not
 * held by a chain integrity check.
 */
public final class PaymentTotalsCalculator {
    private PaymentTotalsCalculator() {
    }

    /** Confirmations a payment needs to be final; replaceable payments may need more. */
    @FunctionalInterface
    public interface ConfirmationRule {
        int required(boolean replaceable);
    }

    public static PaymentTotals totals(CryptoAmount due, int decimals, List<Payment> payments, int tipHeight,
                                       ConfirmationRule rule) {
        CryptoAmount received = CryptoAmount.zero(decimals);
        CryptoAmount confirmed = CryptoAmount.zero(decimals);
        for (Payment p : payments) {
            if (!p.valid()) {
                continue;
            }
            received = received.plus(p.value());
            if (isFinal(p, tipHeight, rule)) {
                confirmed = confirmed.plus(p.value());
            }
        }
        return new PaymentTotals(due, received, confirmed);
    }

    /** Has its confirmations and is not held by a chain integrity check. */
    public static boolean isFinal(Payment p, int tipHeight, ConfirmationRule rule) {
        return hasConfirmations(p, tipHeight, rule) && !p.held();
    }

    public static boolean hasConfirmations(Payment p, int tipHeight, ConfirmationRule rule) {
        return p.valid() && p.confirmations(tipHeight) >= rule.required(p.replaceable());
    }
}
