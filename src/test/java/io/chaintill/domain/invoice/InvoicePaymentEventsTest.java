package io.chaintill.domain.invoice;

import static io.chaintill.domain.invoice.InvoiceFixtures.EXPIRES;
import static io.chaintill.domain.invoice.InvoiceFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoicePaymentEventsTest {
    private static final PaymentDetails PAYMENT =
            new PaymentDetails("BTC-CHAIN", "ab12-1", T0.plusSeconds(60), "0.0015", "Processing", "bcrt1qxyz");

    @Test
    void receivedPaymentCarriesGreenfieldsPaymentObject() {
        Invoice invoice = InvoiceFixtures.invoice();
        invoice.recordPaymentReceived(PAYMENT, T0.plusSeconds(61));
        List<InvoiceEvent> events = invoice.drainEvents();
        assertEquals(1, events.size());
        InvoiceEvent e = events.get(0);
        assertEquals(InvoiceEventType.InvoiceReceivedPayment, e.type());
        assertEquals(false, e.data().get("afterExpiration"));
        assertEquals("BTC-CHAIN", e.data().get("paymentMethodId"));
        Map<?, ?> payment = (Map<?, ?>) e.data().get("payment");
        assertEquals("ab12-1", payment.get("id"));
        assertEquals(T0.plusSeconds(60).getEpochSecond(), payment.get("receivedDate"));
        assertEquals("0.0015", payment.get("value"));
        assertEquals("Processing", payment.get("status"));
        assertEquals("bcrt1qxyz", payment.get("destination"));
        assertFalse(payment.containsKey("fee"), "unknown fee is left out, as the webhook schema asks");
        assertEquals(InvoiceStatus.New, invoice.status(), "recording a payment does not move the status");
    }

    @Test
    void settledPaymentAfterExpiryIsMarkedSo() {
        Invoice invoice = InvoiceFixtures.invoice();
        invoice.recordPaymentSettled(PAYMENT, EXPIRES.plusSeconds(1));
        InvoiceEvent e = invoice.drainEvents().get(0);
        assertEquals(InvoiceEventType.InvoicePaymentSettled, e.type());
        assertEquals(true, e.data().get("afterExpiration"));
    }
}
