package io.chaintill.domain.payout;

import static io.chaintill.domain.payout.PayoutState.AwaitingApproval;
import static io.chaintill.domain.payout.PayoutState.AwaitingPayment;
import static io.chaintill.domain.payout.PayoutState.Cancelled;
import static io.chaintill.domain.payout.PayoutState.Completed;
import static io.chaintill.domain.payout.PayoutState.InProgress;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every state move a payout can make, as data: {@link Payout} moves only along these rows, and the exhaustive test
 * checks that no other (from, to) pair is reachable.
 */
public enum PayoutTransition {
    APPROVED(EnumSet.of(AwaitingApproval), AwaitingPayment, "approved, amount fixed at the rate of the moment"),
    TRANSACTION_SEEN(EnumSet.of(AwaitingPayment), InProgress, "a transaction paying it was seen"),
    CONFIRMED(EnumSet.of(InProgress), Completed, "its transaction has the method's confirmations"),
    TRANSACTION_DROPPED(EnumSet.of(InProgress), AwaitingPayment, "reorg or double spend removed its transaction"),
    MARKED_PAID(EnumSet.of(AwaitingPayment, InProgress), Completed, "marked paid by the merchant"),
    CANCELLED(EnumSet.of(AwaitingApproval, AwaitingPayment), Cancelled, "cancelled by the merchant");

    private final Set<PayoutState> from;
    private final PayoutState to;
    private final String reason;

    PayoutTransition(Set<PayoutState> from, PayoutState to, String reason) {
        this.from = from;
        this.to = to;
        this.reason = reason;
    }

    public boolean allowedFrom(PayoutState state) {
        return from.contains(state);
    }

    public PayoutState to() {
        return to;
    }

    public String reason() {
        return reason;
    }

    public static boolean isAllowed(PayoutState from, PayoutState to) {
        for (PayoutTransition t : values()) {
            if (t.to == to && t.from.contains(from)) {
                return true;
            }
        }
        return false;
    }
}
