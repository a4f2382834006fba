package io.chaintill.application;

import io.chaintill.domain.access.DashboardSession;
import io.chaintill.domain.access.LoginBackoff;
import io.chaintill.domain.access.LoginThrottle;
import io.chaintill.domain.access.User;
import io.chaintill.persistence.AccessRepository;
import io.chaintill.persistence.DashboardSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dashboard logins: password check with per-account and per-address backoff, sessions identified by a random
 * 256-bit cookie value of which only the SHA-256 is stored, idle and absolute timeouts.
 */
@ApplicationScoped
public class DashboardSessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked when the email is unknown, so an unknown user costs the same time as a wrong password. */
    private static final String DUMMY_HASH = Secrets.hashPassword("no such user: timing equaliser");

    @Inject
    AccessRepository users;
    @Inject
    DashboardSessionRepository sessions;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "chaintill.dashboard.session-idle-minutes", defaultValue = "480")
    long idleMinutes;
    @Inject
    @ConfigProperty(name = "chaintill.dashboard.session-max-hours", defaultValue = "24")
    long maxHours;

    /** Runs in one transaction so the failure counters of every node stay consistent. */
    @Transactional
    public LoginOutcome login(String email, String password, String clientAddress) {
        Instant now = clock.instant();
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        String account = subject("account:", normalized);
        String address = subject("ip:", clientAddress);
        List<String> subjects = List.of(account, address);
        Duration wait = Duration.ZERO;
        for (String subject : subjects) {
            Optional<LoginThrottle> t = sessions.throttle(subject);
            if (t.isPresent() && t.get().lockedAt(now)) {
                Duration left = Duration.between(now, t.get().lockedUntil());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        if (!wait.isZero()) {
            return new LoginOutcome.Locked(wait);
        }
        Optional<User> user = users.userByEmail(normalized);
        boolean ok = password != null && !password.isEmpty()
                && Secrets.verifyPassword(password, user.map(User::passwordHash).orElse(DUMMY_HASH)) && user.isPresent();
        if (!ok) {
            fail(account, LoginBackoff.PER_ACCOUNT, now);
            fail(address, LoginBackoff.PER_ADDRESS, now);
            return new LoginOutcome.Rejected();
        }
        sessions.removeThrottle(account);
        sessions.removeExpired(now.minus(absolute()), now.minus(idle()));
        String token = randomToken();
        String csrf = randomToken();
        sessions.add(new DashboardSession(Secrets.sha256Hex(token), user.get().id(), csrf, now));
        return new LoginOutcome.Success(token, csrf);
    }

    private void fail(String subject, LoginBackoff policy, Instant now) {
        LoginThrottle t = sessions.throttle(subject).orElseGet(() -> {
            LoginThrottle created = new LoginThrottle(subject, now);
            sessions.add(created);
            return created;
        });
        t.fail(policy, now);
    }

    /** The key of a throttle row; whatever was typed, it fits the column (300), so lookups find what was stored. */
    static String subject(String prefix, String value) {
        String s = prefix + value;
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    /** The session behind a cookie value, if it is still valid; records its use. */
    @Transactional
    public Optional<SessionLogin> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<DashboardSession> found = sessions.session(Secrets.sha256Hex(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DashboardSession s = found.get();
        if (!s.activeAt(now, idle(), absolute())) {
            sessions.remove(s.idHash());
            return Optional.empty();
        }
        s.touch(now);
        return users.user(s.userId()).map(u -> new SessionLogin(u, s.csrfToken()));
    }

    @Transactional
    public void logout(String token) {
        if (token != null && !token.isBlank()) {
            sessions.remove(Secrets.sha256Hex(token));
        }
    }

    public Duration absolute() {
        return Duration.ofHours(maxHours);
    }

    private Duration idle() {
        return Duration.ofMinutes(idleMinutes);
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
