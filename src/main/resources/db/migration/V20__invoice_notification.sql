-- BTCPay's pay buttons name a notification URL (serverIpn) and an e-mail address (notifyEmail) per invoice; both
-- get BitPay-style IPNs on status changes. Only pay-button invoices have a row here.
CREATE TABLE invoice_notification (
    invoice_id    VARCHAR(40)   PRIMARY KEY REFERENCES invoice (id) ON DELETE CASCADE,
    url           VARCHAR(500),
    email         VARCHAR(254),
    -- the IPN body's "url": the checkout link as the buyer was given it (the sender has no request to build it from)
    checkout_link VARCHAR(2000) NOT NULL
);

-- IPNs travel through the webhook delivery log (retries, address rules, attempts) without a webhook: their target
-- (an http(s) URL, or mailto: for the e-mail) is on the delivery itself.
ALTER TABLE webhook_delivery ALTER COLUMN webhook_id DROP NOT NULL;
ALTER TABLE webhook_delivery ADD COLUMN target VARCHAR(2000);
