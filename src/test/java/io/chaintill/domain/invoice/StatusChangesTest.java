package io.chaintill.domain.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusChangesTest {
    @Test
    void everyStatusMovingEventNamesTheStatusItLeaves() {
        assertEquals(Optional.of(InvoiceStatus.New), StatusChanges.statusAfter("InvoiceCreated"));
        assertEquals(Optional.of(InvoiceStatus.Processing), StatusChanges.statusAfter("InvoiceProcessing"));
        assertEquals(Optional.of(InvoiceStatus.Settled), StatusChanges.statusAfter("InvoiceSettled"));
        assertEquals(Optional.of(InvoiceStatus.Expired), StatusChanges.statusAfter("InvoiceExpired"));
        assertEquals(Optional.of(InvoiceStatus.Invalid), StatusChanges.statusAfter("InvoiceInvalid"));
        assertEquals(Optional.of(InvoiceStatus.New), StatusChanges.statusAfter("InvoicePaymentRemoved"));
    }

    @Test
    void paymentEventsAndUnknownTypesMoveNothing() {
        assertTrue(StatusChanges.statusAfter("InvoiceReceivedPayment").isEmpty());
        assertTrue(StatusChanges.statusAfter("InvoicePaymentSettled").isEmpty());
        assertTrue(StatusChanges.statusAfter("ChainAlert").isEmpty());
        assertTrue(StatusChanges.statusAfter(null).isEmpty());
    }

    /** Each status an event names must be the target of some transition (or New, the start). */
    @Test
    void namedStatusesAreReachable() {
        for (InvoiceEventType t : InvoiceEventType.values()) {
            StatusChanges.statusAfter(t.name()).ifPresent(s -> assertTrue(s == InvoiceStatus.New
                    || java.util.Arrays.stream(InvoiceTransition.values()).anyMatch(tr -> tr.to() == s), t + " -> " + s));
        }
    }
}
