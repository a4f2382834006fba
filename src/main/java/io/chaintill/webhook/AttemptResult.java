package io.chaintill.webhook;

/** A claimed attempt and what came of it, waiting to be recorded. */
public record AttemptResult(ClaimedDelivery claim, AttemptOutcome outcome) {
}
