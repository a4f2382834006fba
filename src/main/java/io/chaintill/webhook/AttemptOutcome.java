package io.chaintill.webhook;

import java.time.Duration;

/**
 * What one HTTP try produced: a status code (with the receiver's Retry-After, if any), or an error text when no
 * answer came (timeout, connection refused, DNS failure) or the target was refused by the address guard.
 */
public record AttemptOutcome(Integer httpStatus, String error, Duration retryAfter, long latencyMs, boolean refused) {
    /** Longer errors are cut: the column holds 1000 characters and a stack of causes helps nobody there. */
    static final int MAX_ERROR_LENGTH = 1000;

    public AttemptOutcome {
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
    }

    public static AttemptOutcome answered(int httpStatus, Duration retryAfter, long latencyMs) {
        return new AttemptOutcome(httpStatus, null, retryAfter, latencyMs, false);
    }

    public static AttemptOutcome noAnswer(String error, long latencyMs) {
        return new AttemptOutcome(null, error, null, latencyMs, false);
    }

    public static AttemptOutcome refusedTarget(String reason) {
        return new AttemptOutcome(null, reason, null, 0, true);
    }

    public boolean succeeded() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    /** 408, 429, 5xx and transport failures are worth another try; any other answer will not change by retrying. */
    public boolean retryable() {
        if (refused) {
            return false;
        }
        if (httpStatus == null) {
            return true;
        }
        return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }
}
