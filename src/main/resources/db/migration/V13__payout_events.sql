-- Payout events (PayoutCreated, PayoutApproved, PayoutUpdated) go through the same durable outbox as invoice events;
-- they belong to no invoice, and their data names the payout.
ALTER TABLE invoice_event ALTER COLUMN invoice_id DROP NOT NULL;
