package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AddressGapTest {
    @Test
    void countsUnpaidAddressesAfterTheLastPaidOne() {
        assertEquals(3, AddressGap.report("k", 10, 7, 20).unusedInARow());
        assertEquals(10, AddressGap.report("k", 10, 0, 20).unusedInARow());
        assertEquals(0, AddressGap.report("k", 0, 0, 20).unusedInARow());
    }

    @Test
    void warnsAMarginBeforeTheGapLimit() {
        assertNull(AddressGap.report("k", 14, 0, 20).warning());
        assertNotNull(AddressGap.report("k", 15, 0, 20).warning());
        assertNotNull(AddressGap.report("k", 40, 0, 20).warning());
    }
}
