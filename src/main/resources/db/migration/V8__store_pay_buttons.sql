-- Pay buttons (BTCPay's public POST /api/v1/invoices form endpoint) create invoices without an API key, so each
-- store switches them on itself; Greenfield calls the setting anyoneCanCreateInvoice. Off for every existing store.
ALTER TABLE store ADD COLUMN anyone_can_create_invoice BOOLEAN DEFAULT FALSE NOT NULL;
