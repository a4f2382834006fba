package io.chaintill.application;

import io.chaintill.domain.access.User;
import io.chaintill.persistence.AccessRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place a password is checked, for the dashboard's login form and HTTP Basic alike: failures count per
 * account and per client address ({@link io.chaintill.domain.access.LoginBackoff}), an unknown email costs the same
 * hash as a known one, and at most a few hashes run at once ({@link HashingGate}).
 */
@ApplicationScoped
public class PasswordLogins {
    private static final Logger LOG = Logger.getLogger(PasswordLogins.class.getName());
    /** Checked when the email is unknown, so an unknown user costs the same time as a wrong password. */
    private static final String DUMMY_HASH = Secrets.hashPassword("no such user: timing equaliser");
    /** Longer than any password createUser accepts; refused without hashing, whoever the account. */
    static final int MAX_PASSWORD_LENGTH = 1024;
    private static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_SUBJECT_LENGTH = 300;

    @Inject
    AccessRepository users;
    @Inject
    LoginThrottles throttles;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "chaintill.auth.concurrent-password-checks", defaultValue = "0")
    int concurrentChecks;
    @Inject
    @ConfigProperty(name = "chaintill.auth.password-check-wait-ms", defaultValue = "5000")
    long waitMillis;

    private HashingGate gate;

    @PostConstruct
    void init() {
        // twice the cores: hashing is CPU-bound, so more at once only makes each slower
        int permits = concurrentChecks > 0 ? concurrentChecks : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        gate = new HashingGate(permits, Duration.ofMillis(waitMillis));
    }

    public PasswordCheck check(String email, String password, String clientAddress) {
        Instant now = clock.instant();
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        String account = subject("account:", normalized);
        String address = subject("ip:", clientAddress == null ? "unknown" : clientAddress);
        Duration wait = throttles.wait(account, address, now);
        if (!wait.isZero()) {
            return new PasswordCheck.Locked(wait);
        }
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            return failed(account, address, now);
        }
        // no stored email is that long or holds a control character (and PostgreSQL refuses a NUL in a query)
        Optional<User> user = normalized.length() > MAX_EMAIL_LENGTH || hasControlCharacter(normalized)
                ? Optional.empty() : users.userByEmail(normalized);
        Optional<Boolean> matches = gate.run(() -> Secrets.verifyPassword(password, user.map(User::passwordHash).orElse(DUMMY_HASH)));
        if (matches.isEmpty()) {
            return new PasswordCheck.Busy();
        }
        if (!matches.get() || user.isEmpty()) {
            return failed(account, address, now);
        }
        throttles.succeeded(account);
        return new PasswordCheck.Accepted(user.get());
    }

    private PasswordCheck failed(String account, String address, Instant now) {
        try {
            throttles.failed(account, address, now);
        } catch (RuntimeException e) {
            // two nodes counting the first failure of one subject at once both insert its row and one commit
            // fails; the second try finds the row
            LOG.log(Level.FINE, "retrying a login failure count after a concurrent insert", e);
            throttles.failed(account, address, now);
        }
        return new PasswordCheck.Rejected();
    }

    private static boolean hasControlCharacter(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The key of a throttle row; whatever was typed, it fits the column (300), so lookups find what was stored. */
    static String subject(String prefix, String value) {
        StringBuilder clean = new StringBuilder(prefix.length() + value.length()).append(prefix);
        value.codePoints().forEach(c -> clean.appendCodePoint(c < 0x20 || c == 0x7f ? 0xfffd : c));
        String s = clean.toString();
        return s.length() > MAX_SUBJECT_LENGTH ? s.substring(0, MAX_SUBJECT_LENGTH) : s;
    }
}
