package io.chaintill.application;

import io.chaintill.domain.access.User;
import java.time.Duration;

/** The result of checking an email and password, whichever door (login form, HTTP Basic) they came through. */
public sealed interface PasswordCheck {
    record Accepted(User user) implements PasswordCheck {
    }

    /** Wrong email or password: deliberately the same for both. */
    record Rejected() implements PasswordCheck {
    }

    /** Too many failures for the account or the client address: no password is checked until {@code retryAfter}. */
    record Locked(Duration retryAfter) implements PasswordCheck {
    }

    /** Too many password checks running at once on this node; nothing was counted. */
    record Busy() implements PasswordCheck {
    }

    /** A wait as the whole seconds of a Retry-After header, rounded up so a client never comes back too early. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
