-- Held settlement: why a payment that has its confirmations is not settled yet (a raised chain alert, or no witness
-- confirms it); null when it is not held.
ALTER TABLE payment ADD COLUMN held_reason VARCHAR(1000);
CREATE INDEX ix_payment_held ON payment (held_reason);
