package io.chaintill.domain.invoice;

/**
 * Something a viewer of the invoice can see changed (status, a payment, a confirmation count). Fired on every save;
 * observers that push to clients observe it after the transaction commits, so they never show an uncommitted
 * state. {@code fromOtherNode} marks a copy relayed from another cluster node, which a relay must not send on again.
 */
public record InvoiceChanged(String invoiceId, String storeId, boolean fromOtherNode) {
    public static InvoiceChanged here(Invoice invoice) {
        return new InvoiceChanged(invoice.id(), invoice.storeId(), false);
    }
}
