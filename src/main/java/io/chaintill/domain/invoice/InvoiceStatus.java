package io.chaintill.domain.invoice;

/** Greenfield invoice status. */
public enum InvoiceStatus {
    New, Processing, Settled, Expired, Invalid
}
