package io.chaintill.domain.invoice;

import static io.chaintill.domain.invoice.InvoiceStatus.Expired;
import static io.chaintill.domain.invoice.InvoiceStatus.Invalid;
import static io.chaintill.domain.invoice.InvoiceStatus.New;
import static io.chaintill.domain.invoice.InvoiceStatus.Processing;
import static io.chaintill.domain.invoice.InvoiceStatus.Settled;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every status move an invoice can make, as data. {@link Invoice} moves only along these rows, the exhaustive
 * test checks that no other (from, to) pair is reachable, and docs/state-diagram.md is generated from them.
 */
public enum InvoiceTransition {
    PAID_IN_FULL(EnumSet.of(New), Processing, "paid in full, awaiting confirmations"),
    PAID_LATE(EnumSet.of(Expired), Processing, "paid in full after expiry, within monitoring"),
    CONFIRMED(EnumSet.of(Processing), Settled, "enough confirmations"),
    EXPIRED(EnumSet.of(New), Expired, "expiration time passed"),
    MONITORING_ENDED(EnumSet.of(Processing), Invalid, "monitoring window ended unconfirmed"),
    PAYMENT_REMOVED(EnumSet.of(Processing), New, "reorg or double spend removed a payment (before expiry)"),
    PAYMENT_REMOVED_AFTER_EXPIRY(EnumSet.of(Processing), Expired, "reorg or double spend removed a payment (after expiry)"),
    MARKED_SETTLED(EnumSet.of(New, Processing, Expired, Invalid), Settled, "marked settled by the merchant"),
    MARKED_INVALID(EnumSet.of(New, Processing, Expired), Invalid, "marked invalid by the merchant");

    private final Set<InvoiceStatus> from;
    private final InvoiceStatus to;
    private final String reason;

    InvoiceTransition(Set<InvoiceStatus> from, InvoiceStatus to, String reason) {
        this.from = from;
        this.to = to;
        this.reason = reason;
    }

    public boolean allowedFrom(InvoiceStatus status) {
        return from.contains(status);
    }

    public Set<InvoiceStatus> from() {
        return EnumSet.copyOf(from);
    }

    public InvoiceStatus to() {
        return to;
    }

    public String reason() {
        return reason;
    }

    public static boolean isAllowed(InvoiceStatus from, InvoiceStatus to) {
        for (InvoiceTransition t : values()) {
            if (t.to == to && t.from.contains(from)) {
                return true;
            }
        }
        return false;
    }

    /** A Mermaid state diagram of the table, kept in docs/ and checked by a test. */
    public static String mermaid() {
        StringBuilder sb = new StringBuilder("stateDiagram-v2\n    [*] --> New: created\n");
        for (InvoiceTransition t : values()) {
            for (InvoiceStatus f : InvoiceStatus.values()) {
                if (t.from.contains(f)) {
                    sb.append("    ").append(f).append(" --> ").append(t.to).append(": ").append(t.reason).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
