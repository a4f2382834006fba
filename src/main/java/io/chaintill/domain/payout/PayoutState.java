package io.chaintill.domain.payout;

/** Greenfield's PayoutState, names as BTCPay spells them. */
public enum PayoutState {
    AwaitingApproval, AwaitingPayment, InProgress, Completed, Cancelled
}
