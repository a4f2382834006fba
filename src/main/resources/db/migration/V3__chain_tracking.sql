-- Chain tracking: where each follower is, the recent blocks it applied (to find a fork point), and payments.
CREATE TABLE chain_cursor (
    chain_id   VARCHAR(20) PRIMARY KEY,
    height     INT         NOT NULL,
    block_hash VARCHAR(100) NOT NULL,
    updated_at BIGINT      NOT NULL
);

CREATE TABLE chain_block (
    chain_id   VARCHAR(20)  NOT NULL,
    height     INT          NOT NULL,
    block_hash VARCHAR(100) NOT NULL,
    PRIMARY KEY (chain_id, height)
);

-- One row per output paying an invoice; the id is method:txid:vout, so an output is never counted twice.
CREATE TABLE payment (
    id                 VARCHAR(200)   PRIMARY KEY,
    invoice_id         VARCHAR(40)    NOT NULL,
    prompt_id          VARCHAR(40)    NOT NULL,
    payment_method_id  VARCHAR(30)    NOT NULL,
    txid               VARCHAR(100)   NOT NULL,
    output_index       INT            NOT NULL,
    destination        VARCHAR(100)   NOT NULL,
    value_units        NUMERIC(78, 0) NOT NULL,
    decimals           INT            NOT NULL,
    replaceable        BOOLEAN        NOT NULL,
    block_height       INT,
    block_hash         VARCHAR(100),
    status             VARCHAR(20)    NOT NULL,
    received_at        BIGINT         NOT NULL,
    received_announced BOOLEAN        NOT NULL,
    settled_announced  BOOLEAN        NOT NULL,
    version            BIGINT         NOT NULL
);
CREATE INDEX ix_payment_invoice ON payment (invoice_id);
CREATE INDEX ix_payment_prompt ON payment (prompt_id);
CREATE INDEX ix_payment_method_status ON payment (payment_method_id, status);
CREATE INDEX ix_payment_method_block ON payment (payment_method_id, block_height);

-- The follower picks up newly handed-out destinations by creation time.
CREATE INDEX ix_prompt_method_created ON payment_prompt (payment_method_id, created_at);
CREATE INDEX ix_prompt_key_index ON payment_prompt (key_id, derivation_index);
