package io.chaintill.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Consecutive failed logins of one subject (an account or a client address) and until when it must wait. */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {
    @Id
    private String subject;
    private int failures;
    @Column(name = "last_failure_at")
    private Instant lastFailureAt;
    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginThrottle() {
    }

    public LoginThrottle(String subject, Instant now) {
        this.subject = subject;
        this.lastFailureAt = now;
        this.lockedUntil = now;
    }

    /** Counts one more failure and sets the wait the policy asks for. */
    public void fail(LoginBackoff policy, Instant now) {
        if (now.isAfter(lastFailureAt.plus(LoginBackoff.FORGET_AFTER))) {
            failures = 0;
        }
        failures++;
        lastFailureAt = now;
        lockedUntil = now.plus(policy.waitAfter(failures));
    }

    public boolean lockedAt(Instant now) {
        return now.isBefore(lockedUntil);
    }

    public String subject() { return subject; }
    public int failures() { return failures; }
    public Instant lockedUntil() { return lockedUntil; }
}
