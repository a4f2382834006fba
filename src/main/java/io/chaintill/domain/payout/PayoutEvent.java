package io.chaintill.domain.payout;

import java.time.Instant;

/** Something that happened to a payout; stored with the payout in one transaction, for the webhook outbox. */
public record PayoutEvent(PayoutEventType type, Instant at, PayoutState state) {
}
