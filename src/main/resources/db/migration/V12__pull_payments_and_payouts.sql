-- Pull payments (a refund is one) and the payouts claimed from them (Greenfield's shapes).
-- Portable between H2 2.x and PostgreSQL: times are epoch milliseconds, amounts decimals in their currency.
CREATE TABLE pull_payment (
    id                  VARCHAR(40)     PRIMARY KEY,
    store_id            VARCHAR(40)     NOT NULL,
    name                VARCHAR(200),
    description         VARCHAR(2000),
    amount              NUMERIC(30, 12) NOT NULL,
    currency            VARCHAR(10)     NOT NULL,
    payout_methods      VARCHAR(500)    NOT NULL,
    starts_at           BIGINT          NOT NULL,
    expires_at          BIGINT,
    auto_approve_claims BOOLEAN         NOT NULL,
    archived            BOOLEAN         NOT NULL,
    invoice_id          VARCHAR(40),
    created_at          BIGINT          NOT NULL,
    version             BIGINT          NOT NULL
);
CREATE INDEX ix_pull_payment_store ON pull_payment (store_id, created_at);
CREATE INDEX ix_pull_payment_invoice ON pull_payment (invoice_id);

CREATE TABLE payout (
    id                VARCHAR(40)     PRIMARY KEY,
    store_id          VARCHAR(40)     NOT NULL,
    pull_payment_id   VARCHAR(40)     NOT NULL REFERENCES pull_payment (id),
    destination       VARCHAR(200)    NOT NULL,
    payout_method_id  VARCHAR(30)     NOT NULL,
    original_amount   NUMERIC(30, 12) NOT NULL,
    original_currency VARCHAR(10)     NOT NULL,
    payout_amount     NUMERIC(30, 18),
    rate              NUMERIC(40, 20),
    state             VARCHAR(20)     NOT NULL,
    revision          INT             NOT NULL,
    transaction_id    VARCHAR(100),
    created_at        BIGINT          NOT NULL,
    updated_at        BIGINT          NOT NULL,
    version           BIGINT          NOT NULL
);
CREATE INDEX ix_payout_pull_payment ON payout (pull_payment_id, created_at);
CREATE INDEX ix_payout_store ON payout (store_id, created_at);
CREATE INDEX ix_payout_state ON payout (state, payout_method_id);
