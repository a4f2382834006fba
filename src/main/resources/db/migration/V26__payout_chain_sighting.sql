-- Where the transaction paying a payout was mined (any wallet's transaction to its destination for its amount, or
-- the one the merchant recorded as proof): confirmations count from block_height, and a reorg that takes
-- block_hash away clears both. Portable between H2 2.x and PostgreSQL.
ALTER TABLE payout ADD COLUMN block_height INT;
ALTER TABLE payout ADD COLUMN block_hash VARCHAR(100);
