package io.chaintill.domain.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Greenfield's {@code receipt} options of an invoice, as the shop gave them. Each is a tri-state: null means "the
 * store decides", which is why they are kept as given rather than resolved at creation.
 */
@Embeddable
public class ReceiptOptions {
    public static final ReceiptOptions NONE = new ReceiptOptions(null, null, null);

    @Column(name = "receipt_enabled")
    private Boolean enabled;
    @Column(name = "receipt_show_qr")
    private Boolean showQr;
    @Column(name = "receipt_show_payments")
    private Boolean showPayments;

    protected ReceiptOptions() {
    }

    public ReceiptOptions(Boolean enabled, Boolean showQr, Boolean showPayments) {
        this.enabled = enabled;
        this.showQr = showQr;
        this.showPayments = showPayments;
    }

    public Boolean enabled() { return enabled; }
    public Boolean showQr() { return showQr; }
    public Boolean showPayments() { return showPayments; }
}
