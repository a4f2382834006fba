package io.chaintill.application;

import java.time.Duration;

/**
 * A password login was not checked: too many failures for the account or the client address, or (busy) too many
 * password checks at once. Says nothing about whether the account exists.
 */
public class LoginThrottledException extends RuntimeException {
    private final long retryAfterSeconds;
    private final boolean busy;

    public LoginThrottledException(Duration retryAfter, boolean busy) {
        super(busy ? "too many logins are being checked at once; try again in a moment"
                : "too many failed logins; try again later");
        this.retryAfterSeconds = PasswordCheck.retryAfterSeconds(retryAfter);
        this.busy = busy;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean busy() {
        return busy;
    }
}
