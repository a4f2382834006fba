package io.chaintill.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.invoice.InvoiceChanged;
import org.junit.jupiter.api.Test;

class RelayMessageTest {

    @Test
    void aChangeCrossesAsTextAndArrivesMarkedAsRelayed() {
        String text = RelayMessage.of("node-1", new InvoiceChanged("INV1", "STORE1", false)).text();
        RelayMessage back = RelayMessage.parse(text).orElseThrow();
        assertEquals("node-1", back.origin());
        assertEquals(new InvoiceChanged("INV1", "STORE1", true), back.relayed());
    }

    @Test
    void aChangeWithoutStoreKeepsNoStore() {
        String text = RelayMessage.of("n", new InvoiceChanged("INV1", null, false)).text();
        assertNull(RelayMessage.parse(text).orElseThrow().relayed().storeId());
    }

    @Test
    void malformedOrOversizedMessagesAreIgnored() {
        assertTrue(RelayMessage.parse(null).isEmpty());
        assertTrue(RelayMessage.parse("").isEmpty());
        assertTrue(RelayMessage.parse("only two").isEmpty());
        assertTrue(RelayMessage.parse("a b c d").isEmpty());
        assertTrue(RelayMessage.parse("a  c").isEmpty());
        assertTrue(RelayMessage.parse("n i " + "s".repeat(RelayMessage.MAX_LENGTH)).isEmpty());
    }
}
