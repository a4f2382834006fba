package io.chaintill.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A dashboard login. Identified by the SHA-256 of the random cookie value (the value itself is never stored).
 * Ends after {@code idle} without use or {@code absolute} after it began, whichever comes first.
 */
@Entity
@Table(name = "dashboard_session")
public class DashboardSession {
    @Id
    @Column(name = "id_hash")
    private String idHash;
    @Column(name = "user_id")
    private String userId;
    @Column(name = "csrf_token")
    private String csrfToken;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected DashboardSession() {
    }

    public DashboardSession(String idHash, String userId, String csrfToken, Instant now) {
        this.idHash = idHash;
        this.userId = userId;
        this.csrfToken = csrfToken;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    public boolean activeAt(Instant now, Duration idle, Duration absolute) {
        return now.isBefore(lastSeenAt.plus(idle)) && now.isBefore(createdAt.plus(absolute));
    }

    /** Records use; returns whether anything changed (only once a minute, so reads do not each cost a write). */
    public boolean touch(Instant now) {
        if (now.isAfter(lastSeenAt.plusSeconds(60))) {
            lastSeenAt = now;
            return true;
        }
        return false;
    }

    public String idHash() { return idHash; }
    public String userId() { return userId; }
    public String csrfToken() { return csrfToken; }
    public Instant createdAt() { return createdAt; }
    public Instant lastSeenAt() { return lastSeenAt; }
}
