-- The dashboard lists the webhook deliveries an invoice caused; without this index that is a scan of every delivery.
CREATE INDEX ix_webhook_delivery_invoice ON webhook_delivery (invoice_id, created_at);
