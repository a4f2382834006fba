package io.chaintill.domain.invoice;

import java.util.Optional;

/**
 * Which status an invoice was left in by each recorded event. Events are the history of record (written with the
 * state change), so the dashboard's "state changes with their time" are read from them rather than stored twice.
 * Payment events (received, payment settled) do not move the status by themselves.
 */
public final class StatusChanges {
    private StatusChanges() {
    }

    /** Empty for events that do not change the status, and for event types this version does not know. */
    public static Optional<InvoiceStatus> statusAfter(String eventType) {
        InvoiceEventType type;
        try {
            type = InvoiceEventType.valueOf(eventType);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return switch (type) {
            case InvoiceCreated, InvoicePaymentRemoved -> Optional.of(InvoiceStatus.New);
            case InvoiceProcessing -> Optional.of(InvoiceStatus.Processing);
            case InvoiceSettled -> Optional.of(InvoiceStatus.Settled);
            case InvoiceExpired -> Optional.of(InvoiceStatus.Expired);
            case InvoiceInvalid -> Optional.of(InvoiceStatus.Invalid);
            default -> Optional.empty();
        };
    }
}
