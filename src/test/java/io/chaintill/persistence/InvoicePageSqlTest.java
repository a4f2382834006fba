package io.chaintill.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.invoice.InvoiceStatus;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvoicePageSqlTest {

    @Test
    void newestPageHasItsSizeAndOffsetInTheTextAndTheStoreBound() {
        InvoicePageSql page = InvoicePageSql.of(new InvoiceQuery("S1", List.of(), Set.of(), null, null, null, false, 100, 50));
        assertEquals("SELECT id FROM invoice WHERE store_id = ? AND archived = FALSE ORDER BY created_at DESC, id LIMIT 50 OFFSET 100",
                page.sql());
        assertEquals(List.of("S1"), page.parameters());
    }

    @Test
    void everyFilterIsABoundParameterInTheOrderOfItsPlaceholder() {
        Set<InvoiceStatus> statuses = new LinkedHashSet<>(List.of(InvoiceStatus.Settled, InvoiceStatus.Expired));
        InvoicePageSql page = InvoicePageSql.of(new InvoiceQuery("S1", List.of("o-1", "o'2"), statuses, "Buyer_1%@X",
                Instant.ofEpochSecond(10), Instant.ofEpochSecond(20), true, 0, 5));
        assertEquals("SELECT id FROM invoice WHERE store_id = ? AND order_id IN (?, ?) AND status IN (?, ?)"
                + " AND id IN (SELECT invoice_id FROM invoice_search_term WHERE term >= ? AND term < ?)"
                + " AND created_at >= ? AND created_at <= ? ORDER BY created_at DESC, id LIMIT 5 OFFSET 0",
                page.sql());
        assertEquals(List.of("S1", "o-1", "o'2", "Settled", "Expired", "buyer_1%@x", "buyer_1%@y", 10_000L, 20_000L), page.parameters());
    }

    @Test
    void theTermsOfAPrefixEndBeforeItsLastCodePointPlusOne() {
        assertEquals("abd", InvoicePageSql.pastPrefix("abc"));
        assertEquals("a\uD83D\uDE01", InvoicePageSql.pastPrefix("a\uD83D\uDE00"), "a code point, not a char");
        assertEquals("a\uFFFE", InvoicePageSql.pastPrefix("a\uFFFD"), "the BMP's last character a text keeps");
        assertEquals("a\uD800\uDC01", InvoicePageSql.pastPrefix("a\uD800\uDC00"), "the first one past the BMP");
        assertTrue("abc\uD83D\uDE00z".compareTo(InvoicePageSql.pastPrefix("abc")) < 0);
    }

    @Test
    void negativeBoundsAreRefusedRatherThanWritten() {
        assertThrows(IllegalArgumentException.class,
                () -> InvoicePageSql.of(new InvoiceQuery("S1", List.of(), Set.of(), null, null, null, false, -1, 50)));
    }
}
