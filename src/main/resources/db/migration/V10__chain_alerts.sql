-- Chain integrity alerts (docs/chain-integrity.md): one row per raise of a condition, cleared_at set when it clears;
-- the rows stay as the alert history.
CREATE TABLE chain_alert (
    id            VARCHAR(40)   PRIMARY KEY,
    chain         VARCHAR(20)   NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    condition_key VARCHAR(1000) NOT NULL,
    sources       VARCHAR(1000) NOT NULL,
    height        INT,
    hashes        VARCHAR(1000) NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    first_seen    BIGINT        NOT NULL,
    last_seen     BIGINT        NOT NULL,
    cleared_at    BIGINT
);
CREATE INDEX ix_chain_alert_chain_open ON chain_alert (chain, cleared_at);
CREATE INDEX ix_chain_alert_first_seen ON chain_alert (first_seen);
