package io.chaintill.application;

import io.chaintill.domain.access.DashboardSession;
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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dashboard logins: the password check of {@link PasswordLogins}, then sessions identified by a random
 * 256-bit cookie value of which only the SHA-256 is stored, idle and absolute timeouts.
 */
@ApplicationScoped
public class DashboardSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AccessRepository users;
    @Inject
    PasswordLogins passwords;
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

    /** Checks the password (see {@link PasswordLogins}: throttled, the same work for unknown emails), then opens a session. */
    @Transactional
    public LoginOutcome login(String email, String password, String clientAddress) {
        PasswordCheck check = passwords.check(email, password, clientAddress);
        if (check instanceof PasswordCheck.Locked l) {
            return new LoginOutcome.Locked(l.retryAfter());
        }
        if (check instanceof PasswordCheck.Busy) {
            return new LoginOutcome.Busy();
        }
        if (!(check instanceof PasswordCheck.Accepted accepted)) {
            return new LoginOutcome.Rejected();
        }
        Instant now = clock.instant();
        sessions.removeExpired(now.minus(absolute()), now.minus(idle()));
        String token = randomToken();
        String csrf = randomToken();
        sessions.add(new DashboardSession(Secrets.sha256Hex(token), accepted.user().id(), csrf, now));
        return new LoginOutcome.Success(token, csrf);
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
