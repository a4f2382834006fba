package io.chaintill.domain.invoice;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to an invoice, raised by the aggregate itself so a state change and its event are one
 * unit: the application layer stores both in the same transaction (the webhook outbox reads the events).
 * {@code data} holds the type-specific webhook fields (overPaid, manuallyMarked, ...).
 */
public record InvoiceEvent(InvoiceEventType type, Instant at, Map<String, Object> data) {
    public InvoiceEvent {
        data = Map.copyOf(data);
    }
}
