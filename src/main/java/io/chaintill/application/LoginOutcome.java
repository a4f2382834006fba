package io.chaintill.application;

import java.time.Duration;

/** The result of a dashboard login attempt. */
public sealed interface LoginOutcome {
    /** Logged in: {@code token} goes into the cookie (and nowhere else), {@code csrfToken} into the page. */
    record Success(String token, String csrfToken) implements LoginOutcome {
    }

    /** Wrong email or password: deliberately the same for both. */
    record Rejected() implements LoginOutcome {
    }

    /** Too many failures: no password is checked until {@code retryAfter} has passed. */
    record Locked(Duration retryAfter) implements LoginOutcome {
    }

    /** Too many password checks at once on this node: try again in a moment. */
    record Busy() implements LoginOutcome {
    }
}
