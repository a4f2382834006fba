-- Several EVM chains: a follower's key is its method id, e.g. USDC-BASESEPOLIA (up to 10 + 1 + 12 characters).
ALTER TABLE chain_cursor ALTER COLUMN chain_id SET DATA TYPE VARCHAR(40);
ALTER TABLE chain_block ALTER COLUMN chain_id SET DATA TYPE VARCHAR(40);
