-- A payment method's own payment tolerance (percent; null = the store's), and the one an invoice's prompt was
-- created with (null = the invoice's), so a later change of the method's setting does not move old invoices.
ALTER TABLE store_payment_method ADD COLUMN payment_tolerance NUMERIC(5, 2);
ALTER TABLE payment_prompt ADD COLUMN payment_tolerance NUMERIC(5, 2);
