-- Webhooks: endpoints, one delivery row per (event, endpoint), one attempt row per HTTP try.
-- Portable between H2 2.x and PostgreSQL: times are epoch milliseconds, ids app-generated strings.

-- Outbox fan-out marker. A flag rather than a "last id" cursor: sequence ids commit out of order, so a cursor
-- could pass an id whose transaction commits later and skip that event forever.
ALTER TABLE invoice_event ADD COLUMN dispatched BOOLEAN DEFAULT FALSE NOT NULL;
-- Events from before this migration had no webhook to go to: do not send them to webhooks created later.
UPDATE invoice_event SET dispatched = TRUE;
CREATE INDEX ix_invoice_event_dispatched ON invoice_event (dispatched, id);

CREATE TABLE webhook (
    id                   VARCHAR(40)   PRIMARY KEY,
    store_id             VARCHAR(40)   NOT NULL REFERENCES store (id) ON DELETE CASCADE,
    url                  VARCHAR(2000) NOT NULL,
    secret               VARCHAR(256)  NOT NULL,
    enabled              BOOLEAN       NOT NULL,
    automatic_redelivery BOOLEAN       NOT NULL,
    all_events           BOOLEAN       NOT NULL,
    -- comma-separated event type names; empty when all_events
    specific_events      VARCHAR(1000) NOT NULL,
    created_at           BIGINT        NOT NULL
);
CREATE INDEX ix_webhook_store ON webhook (store_id);

CREATE TABLE webhook_delivery (
    id                   VARCHAR(40)      PRIMARY KEY,
    webhook_id           VARCHAR(40)      NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    store_id             VARCHAR(40)      NOT NULL,
    invoice_id           VARCHAR(40),
    event_id             BIGINT           NOT NULL,
    event_type           VARCHAR(40)      NOT NULL,
    original_delivery_id VARCHAR(40)      NOT NULL,
    redelivery           BOOLEAN          NOT NULL,
    -- Pending | Delivered | Failed
    status               VARCHAR(20)      NOT NULL,
    -- the exact bytes sent (UTF-8 JSON); nulled after the retention period, the row stays
    body                 VARCHAR(1000000),
    created_at           BIGINT           NOT NULL,
    -- when a Pending delivery may next be claimed; while an attempt is in flight this is its lease expiry
    next_attempt_at      BIGINT           NOT NULL,
    first_attempt_at     BIGINT,
    attempt_count        INT              NOT NULL,
    last_http_code       INT,
    last_error           VARCHAR(1000)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_list ON webhook_delivery (webhook_id, created_at);
CREATE INDEX ix_webhook_delivery_order ON webhook_delivery (webhook_id, invoice_id, status, event_id);

CREATE TABLE webhook_attempt (
    id           VARCHAR(40)   PRIMARY KEY,
    delivery_id  VARCHAR(40)   NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at BIGINT        NOT NULL,
    latency_ms   BIGINT        NOT NULL,
    http_code    INT,
    error        VARCHAR(1000)
);
CREATE INDEX ix_webhook_attempt_delivery ON webhook_attempt (delivery_id, attempted_at);
