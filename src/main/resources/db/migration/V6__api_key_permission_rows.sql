-- A key's permissions move from one space-joined text column to one row each, so that a store scope can never be
-- read back as a second permission (issue 11). Portable between H2 2.x and PostgreSQL: a recursive split on ' '.
CREATE TABLE api_key_permission (
    key_hash VARCHAR(64)  NOT NULL REFERENCES api_key (key_hash) ON DELETE CASCADE,
    seq      INT          NOT NULL,
    policy   VARCHAR(160) NOT NULL,
    store_id VARCHAR(40),
    PRIMARY KEY (key_hash, seq)
);

INSERT INTO api_key_permission (key_hash, seq, policy, store_id)
WITH RECURSIVE split (key_hash, seq, item, rest) AS (
    SELECT key_hash, 0, '', TRIM(permissions) || ' ' FROM api_key WHERE TRIM(permissions) <> ''
    UNION ALL
    SELECT key_hash, seq + 1,
           SUBSTRING(rest FROM 1 FOR POSITION(' ' IN rest) - 1),
           SUBSTRING(rest FROM POSITION(' ' IN rest) + 1)
    FROM split WHERE rest <> ''
)
SELECT key_hash, seq - 1,
       CASE WHEN POSITION(':' IN item) = 0 THEN item ELSE SUBSTRING(item FROM 1 FOR POSITION(':' IN item) - 1) END,
       CASE WHEN POSITION(':' IN item) = 0 THEN NULL ELSE SUBSTRING(item FROM POSITION(':' IN item) + 1) END
FROM split WHERE seq > 0 AND item <> '';

ALTER TABLE api_key DROP COLUMN permissions;
