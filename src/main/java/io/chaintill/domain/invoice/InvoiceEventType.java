package io.chaintill.domain.invoice;

/** Webhook event types, named as Greenfield names them (plus ChainTill's own). */
public enum InvoiceEventType {
    InvoiceCreated, InvoiceReceivedPayment, InvoicePaymentSettled, InvoiceProcessing, InvoiceExpired,
    InvoiceSettled, InvoiceInvalid,
    /** ChainTill addition: a reorg or double spend took back a payment and the invoice left Processing. */
    InvoicePaymentRemoved
}
