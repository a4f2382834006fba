-- Greenfield's receipt options of an invoice ({enabled, showQR, showPayments}), each null when the shop left it to the store.
ALTER TABLE invoice ADD COLUMN receipt_enabled BOOLEAN;
ALTER TABLE invoice ADD COLUMN receipt_show_qr BOOLEAN;
ALTER TABLE invoice ADD COLUMN receipt_show_payments BOOLEAN;
