-- Dashboard logins. A session row holds only the SHA-256 of the cookie value, so a copy of the database
-- cannot be replayed as a login; the CSRF token is not a credential on its own and is kept as is.
CREATE TABLE dashboard_session (
    id_hash      VARCHAR(64) PRIMARY KEY,
    user_id      VARCHAR(40) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   BIGINT      NOT NULL,
    last_seen_at BIGINT      NOT NULL
);
CREATE INDEX dashboard_session_user ON dashboard_session (user_id);

-- Failed logins per subject ("account:<email>" or "ip:<address>"), in the database so that every node of a
-- cluster sees the same count and lock.
CREATE TABLE login_throttle (
    subject         VARCHAR(300) PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at BIGINT       NOT NULL,
    locked_until    BIGINT       NOT NULL
);
