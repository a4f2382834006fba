package io.chaintill.webhook;

import java.time.Instant;

/** What to do with a delivery after an attempt. {@code nextAttemptAt} is set only for {@link Kind#RETRY}. */
public record RetryDecision(Kind kind, Instant nextAttemptAt, String reason) {
    public enum Kind { DELIVERED, RETRY, FAILED }

    public static RetryDecision delivered() {
        return new RetryDecision(Kind.DELIVERED, null, null);
    }

    public static RetryDecision retryAt(Instant at) {
        return new RetryDecision(Kind.RETRY, at, null);
    }

    public static RetryDecision failed(String reason) {
        return new RetryDecision(Kind.FAILED, null, reason);
    }
}
