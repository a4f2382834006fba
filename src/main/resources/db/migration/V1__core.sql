-- Portable between H2 2.x and PostgreSQL: times are epoch milliseconds, crypto amounts integer base units.
CREATE TABLE app_user (
    id            VARCHAR(40)  PRIMARY KEY,
    email         VARCHAR(254) NOT NULL UNIQUE,
    password_hash VARCHAR(200) NOT NULL,
    admin         BOOLEAN      NOT NULL,
    created_at    BIGINT       NOT NULL
);

CREATE TABLE api_key (
    key_hash    VARCHAR(64)   PRIMARY KEY,
    user_id     VARCHAR(40)   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    label       VARCHAR(200),
    permissions VARCHAR(4000) NOT NULL,
    created_at  BIGINT        NOT NULL
);

CREATE TABLE store (
    id                      VARCHAR(40)  PRIMARY KEY,
    name                    VARCHAR(200) NOT NULL,
    website                 VARCHAR(500),
    owner_user_id           VARCHAR(40)  NOT NULL REFERENCES app_user (id),
    default_currency        VARCHAR(10)  NOT NULL,
    speed_policy            VARCHAR(20)  NOT NULL,
    invoice_expiration_s    INT          NOT NULL,
    monitoring_expiration_s INT          NOT NULL,
    payment_tolerance       NUMERIC(5, 2) NOT NULL,
    rate_providers          VARCHAR(500),
    created_at              BIGINT       NOT NULL
);

CREATE TABLE store_payment_method (
    id                VARCHAR(80) PRIMARY KEY,
    store_id          VARCHAR(40) NOT NULL REFERENCES store (id) ON DELETE CASCADE,
    payment_method_id VARCHAR(30) NOT NULL,
    enabled           BOOLEAN     NOT NULL,
    derivation_scheme VARCHAR(300),
    key_id            VARCHAR(100),
    label             VARCHAR(200),
    account_key_path  VARCHAR(100),
    updated_at        BIGINT
);

-- One counter per account key (public key + chain code + script type), shared by every store using that key,
-- so no address is ever handed to two invoices.
CREATE TABLE address_counter (
    key_id     VARCHAR(100) PRIMARY KEY,
    next_index INT          NOT NULL
);

-- Invoices outlive a deleted store: their addresses stay watched and their history auditable.
CREATE TABLE invoice (
    id                     VARCHAR(40)    PRIMARY KEY,
    store_id               VARCHAR(40)    NOT NULL,
    amount                 NUMERIC(30, 12),
    currency               VARCHAR(10)    NOT NULL,
    metadata_json          VARCHAR(1000000) NOT NULL,
    order_id               VARCHAR(200),
    search_text            VARCHAR(4000),
    speed_policy           VARCHAR(20)    NOT NULL,
    payment_tolerance      NUMERIC(5, 2)  NOT NULL,
    redirect_url           VARCHAR(2000),
    redirect_automatically BOOLEAN        NOT NULL,
    default_language       VARCHAR(20),
    default_payment_method VARCHAR(30),
    expiration_minutes     INT            NOT NULL,
    monitoring_minutes     INT            NOT NULL,
    created_at             BIGINT         NOT NULL,
    expires_at             BIGINT         NOT NULL,
    monitoring_ends_at     BIGINT         NOT NULL,
    status                 VARCHAR(20)    NOT NULL,
    additional_status      VARCHAR(20)    NOT NULL,
    archived               BOOLEAN        NOT NULL,
    idempotency_key        VARCHAR(200),
    version                BIGINT         NOT NULL
);
CREATE UNIQUE INDEX ux_invoice_idempotency ON invoice (store_id, idempotency_key);
CREATE INDEX ix_invoice_store_created ON invoice (store_id, created_at);
CREATE INDEX ix_invoice_status_expires ON invoice (status, expires_at);
CREATE INDEX ix_invoice_order ON invoice (store_id, order_id);

CREATE TABLE payment_prompt (
    id                VARCHAR(40)     PRIMARY KEY,
    invoice_id        VARCHAR(40)     NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    payment_method_id VARCHAR(30)     NOT NULL,
    currency          VARCHAR(10)     NOT NULL,
    decimals          INT             NOT NULL,
    destination       VARCHAR(100)    NOT NULL,
    key_id            VARCHAR(100),
    derivation_index  INT             NOT NULL,
    rate              NUMERIC(38, 18) NOT NULL,
    due_units         NUMERIC(78, 0),
    created_at        BIGINT          NOT NULL
);
-- The last line of defence for "an address is never handed to two invoices".
CREATE UNIQUE INDEX ux_prompt_destination ON payment_prompt (destination);

-- Outbox: every invoice event, written in the transaction of the state change that caused it.
CREATE SEQUENCE invoice_event_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE invoice_event (
    id         BIGINT        PRIMARY KEY,
    invoice_id VARCHAR(40)   NOT NULL,
    store_id   VARCHAR(40)   NOT NULL,
    type       VARCHAR(40)   NOT NULL,
    data_json  VARCHAR(100000) NOT NULL,
    created_at BIGINT        NOT NULL
);
CREATE INDEX ix_invoice_event_invoice ON invoice_event (invoice_id, id);
