package io.chaintill.domain.invoice;

/** An operation that the invoice's current status does not allow (e.g. marking a settled invoice settled). */
public class InvoiceStateException extends RuntimeException {
    public InvoiceStateException(String message) {
        super(message);
    }
}
