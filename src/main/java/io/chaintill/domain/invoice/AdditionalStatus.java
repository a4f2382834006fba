package io.chaintill.domain.invoice;

/** Greenfield's qualifier of the status: why an invoice is where it is. */
public enum AdditionalStatus {
    None, PaidPartial, PaidOver, PaidLate, Marked, Invalid
}
