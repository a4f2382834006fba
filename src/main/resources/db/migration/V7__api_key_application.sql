-- Which application a key was made for through /api-keys/authorize, so that the same application coming back
-- (same applicationIdentifier, same redirect URL, as BTCPay matches them) is recognised. One row per key; it goes
-- with the key when the key is revoked. permissions is as wide as a key may be (500 permissions of up to 200 characters).
CREATE TABLE api_key_application (
    key_hash               VARCHAR(64)   PRIMARY KEY REFERENCES api_key (key_hash) ON DELETE CASCADE,
    user_id                VARCHAR(40)   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    application_identifier VARCHAR(200)  NOT NULL,
    application_authority  VARCHAR(2000) NOT NULL,
    permissions            VARCHAR(100000) NOT NULL,
    created_at             BIGINT        NOT NULL
);
CREATE INDEX api_key_application_user ON api_key_application (user_id, application_identifier);
