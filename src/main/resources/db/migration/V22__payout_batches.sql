-- Payout batches: approved Bitcoin payouts paid by one transaction the server prepares as an unsigned PSBT, the
-- merchant's wallet signs and the server broadcasts. Portable between H2 2.x and PostgreSQL (times in epoch ms).
CREATE TABLE payout_batch (
    id                VARCHAR(40)     PRIMARY KEY,
    store_id          VARCHAR(40)     NOT NULL,
    payment_method_id VARCHAR(30)     NOT NULL,
    key_id            VARCHAR(100)    NOT NULL,
    state             VARCHAR(20)     NOT NULL,
    psbt              VARCHAR(400000) NOT NULL,
    unsigned_txid     VARCHAR(64)     NOT NULL,
    inputs            VARCHAR(20000)  NOT NULL,
    payout_ids        VARCHAR(5000)   NOT NULL,
    fee_units         BIGINT          NOT NULL,
    change_index      INT             NOT NULL,
    change_output     INT             NOT NULL,
    change_units      BIGINT          NOT NULL,
    transaction_id    VARCHAR(64),
    signed_hex        VARCHAR(400000),
    broadcast_height  INT,
    block_hash        VARCHAR(64),
    created_at        BIGINT          NOT NULL,
    updated_at        BIGINT          NOT NULL,
    version           BIGINT          NOT NULL
);
CREATE INDEX ix_payout_batch_store ON payout_batch (store_id, created_at);
CREATE INDEX ix_payout_batch_key ON payout_batch (key_id, state);
ALTER TABLE payout ADD COLUMN batch_id VARCHAR(40);
