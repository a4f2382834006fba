package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.persistence.InvoiceQuery;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvoiceFiltersTest {
    @Test
    void timesThatWouldOverflowMillisecondsNameTheirParameter() {
        assertEquals("startDate", assertThrows(InvalidInputException.class, () -> InvoiceFilters.query("s", List.of(), List.of(),
                null, "9999999999999999", null, false, null, null, 100, 1000)).field());
        assertEquals("endDate", assertThrows(InvalidInputException.class, () -> InvoiceFilters.query("s", List.of(), List.of(),
                null, null, "-9999999999999999", false, null, null, 100, 1000)).field());
        assertEquals(Instant.ofEpochSecond(InvoiceFilters.MAX_TIME), InvoiceFilters.query("s", List.of(), List.of(), null,
                null, String.valueOf(InvoiceFilters.MAX_TIME), false, null, null, 100, 1000).end());
        Instant.ofEpochSecond(InvoiceFilters.MIN_TIME).toEpochMilli();
    }

    @Test
    void searchValuesWithControlCharactersOrTooLongNameTheirParameter() {
        assertEquals("textSearch", assertThrows(InvalidInputException.class, () -> InvoiceFilters.query("s", List.of(),
                List.of(), "a\u0000b", null, null, false, null, null, 100, 1000)).field());
        assertEquals("orderId", assertThrows(InvalidInputException.class, () -> InvoiceFilters.query("s", List.of("o\u0000"),
                List.of(), null, null, null, false, null, null, 100, 1000)).field());
        assertEquals("textSearch", assertThrows(InvalidInputException.class, () -> InvoiceFilters.query("s", List.of(),
                List.of(), "x".repeat(501), null, null, false, null, null, 100, 1000)).field());
        assertEquals("orderId", assertThrows(InvalidInputException.class, () -> InvoiceFilters.query("s",
                java.util.Collections.nCopies(101, "o"), List.of(), null, null, null, false, null, null, 100, 1000)).field());
        assertEquals("caf\u00e9 \u0130", InvoiceFilters.query("s", List.of(), List.of(), "caf\u00e9 \u0130", null, null, false,
                null, null, 100, 1000).text(), "unicode is searchable");
    }

    @Test
    void readsEveryFilter() {
        InvoiceQuery q = InvoiceFilters.query("s1", List.of("o-1", " "), List.of("settled", "New"), "  shoes ",
                "1700000000", "1700086400", true, "20", "10", 100, 1000);
        assertEquals(List.of("o-1"), q.orderIds());
        assertEquals(Set.of(InvoiceStatus.Settled, InvoiceStatus.New), q.statuses());
        assertEquals("shoes", q.text());
        assertEquals(Instant.ofEpochSecond(1700000000), q.start());
        assertEquals(Instant.ofEpochSecond(1700086400), q.end());
        assertEquals(20, q.skip());
        assertEquals(10, q.take());
    }

    @Test
    void emptyValuesMeanNoFilterAndDefaults() {
        InvoiceQuery q = InvoiceFilters.query("s1", List.of(), List.of(), "", "", null, false, null, "", 100, 1000);
        assertNull(q.text());
        assertNull(q.start());
        assertEquals(0, q.skip());
        assertEquals(100, q.take());
    }

    @Test
    void badValuesNameTheirParameter() {
        assertEquals("startDate", field(() -> query("yesterday", null, null, null, null)));
        assertEquals("endDate", field(() -> query(null, "1.5", null, null, null)));
        assertEquals("skip", field(() -> query(null, null, "-1", null, null)));
        assertEquals("take", field(() -> query(null, null, null, "0", null)));
        assertEquals("take", field(() -> query(null, null, null, "1001", null)));
        assertEquals("take", field(() -> query(null, null, null, "many", null)));
        assertEquals("status", field(() -> query(null, null, null, null, "Paid")));
    }

    private static void query(String start, String end, String skip, String take, String status) {
        InvoiceFilters.query("s1", List.of(), status == null ? List.of() : List.of(status), null, start, end, false,
                skip, take, 100, 1000);
    }

    private static String field(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).field();
    }
}
