-- PostgreSQL does not index a foreign key's column by itself (H2 does), so every read of an invoice's prompts
-- scanned the whole payment_prompt table there: at 100,000 invoices a get by id was 5 times slower on PostgreSQL
-- than on H2 (docs/performance.md). ForeignKeyIndexTest keeps every referencing column indexed.
CREATE INDEX ix_prompt_invoice ON payment_prompt (invoice_id);
CREATE INDEX ix_store_payment_method_store ON store_payment_method (store_id);
CREATE INDEX ix_store_owner ON store (owner_user_id);
CREATE INDEX ix_api_key_user ON api_key (user_id);
