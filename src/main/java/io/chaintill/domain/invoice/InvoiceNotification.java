package io.chaintill.domain.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * Where a pay-button invoice's BitPay-style notifications go (BTCPay's notificationURL and notificationEmail):
 * the merchant's server, their mailbox, or both.
 */
@Entity
@Table(name = "invoice_notification")
public class InvoiceNotification {
    @Id
    @Column(name = "invoice_id")
    private String invoiceId;
    private String url;
    private String email;
    @Column(name = "checkout_link")
    private String checkoutLink;

    protected InvoiceNotification() {
    }

    public InvoiceNotification(String invoiceId, String url, String email, String checkoutLink) {
        this.invoiceId = invoiceId;
        this.url = url;
        this.email = email;
        this.checkoutLink = checkoutLink;
    }

    public String invoiceId() { return invoiceId; }
    public Optional<String> url() { return Optional.ofNullable(url); }
    public Optional<String> email() { return Optional.ofNullable(email); }
    public String checkoutLink() { return checkoutLink; }
}
