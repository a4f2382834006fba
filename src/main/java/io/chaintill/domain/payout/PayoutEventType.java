package io.chaintill.domain.payout;

/** Greenfield's payout webhook event types. */
public enum PayoutEventType {
    PayoutCreated, PayoutApproved, PayoutUpdated
}
