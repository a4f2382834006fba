package io.chaintill.application;

import io.chaintill.domain.access.LoginBackoff;
import io.chaintill.domain.access.LoginThrottle;
import io.chaintill.persistence.DashboardSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The failure counters behind {@link PasswordLogins}, each change in its own short transaction: the counters must
 * be committed whatever happens to the caller's transaction, and no row lock is held while a password is hashed.
 */
@ApplicationScoped
public class LoginThrottles {
    @Inject
    DashboardSessionRepository rows;

    /** How long the longer-locked of the two subjects must still wait (zero: neither is locked). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Duration wait(String account, String address, Instant now) {
        Duration a = waitOf(account, now);
        Duration b = waitOf(address, now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String account, String address, Instant now) {
        fail(account, LoginBackoff.PER_ACCOUNT, now);
        fail(address, LoginBackoff.PER_ADDRESS, now);
    }

    /** A good password clears the account's count; the address keeps its own, or one valid login would reset a guesser. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String account) {
        if (rows.throttle(account).isPresent()) {
            rows.removeThrottle(account);
        }
    }

    private Duration waitOf(String subject, Instant now) {
        Optional<LoginThrottle> t = rows.throttle(subject);
        return t.isPresent() && t.get().lockedAt(now) ? Duration.between(now, t.get().lockedUntil()) : Duration.ZERO;
    }

    private void fail(String subject, LoginBackoff policy, Instant now) {
        LoginThrottle t = rows.throttle(subject).orElseGet(() -> {
            LoginThrottle created = new LoginThrottle(subject, now);
            rows.add(created);
            return created;
        });
        t.fail(policy, now);
    }
}
