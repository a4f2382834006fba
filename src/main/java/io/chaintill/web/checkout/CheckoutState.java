package io.chaintill.web.checkout;

import io.chaintill.application.CheckoutView;
import io.chaintill.domain.invoice.AdditionalStatus;

/**
 * What the buyer is told, derived from the invoice's status and additional status. The name (lower camel case) is
 * the page's {@code data-state} and the status JSON's {@code state}; each has a message key {@code state.<name>}.
 */
public enum CheckoutState {
    waiting, partial, seen, paid, paidLateSeen, paidLate, expired, expiredPartial, invalid;

    public static CheckoutState of(CheckoutView v) {
        boolean late = v.additionalStatus() == AdditionalStatus.PaidLate;
        return switch (v.status()) {
            case New -> v.additionalStatus() == AdditionalStatus.PaidPartial ? partial : waiting;
            case Processing -> late ? paidLateSeen : seen;
            case Settled -> late ? paidLate : paid;
            case Expired -> v.additionalStatus() == AdditionalStatus.PaidPartial ? expiredPartial : expired;
            case Invalid -> invalid;
        };
    }

    /** The buyer can still pay: QR, address and amount are shown. */
    public boolean payable() {
        return this == waiting || this == partial;
    }

    /** Paid in full; a receipt is shown when final, or already while confirming if the server is set up so. */
    public boolean receipt(boolean onProcessing) {
        return this == paid || this == paidLate || (onProcessing && (this == seen || this == paidLateSeen));
    }
}
