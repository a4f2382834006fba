package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {
    private static final String BASE58 = "[1-9A-HJ-NP-Za-km-z]";

    @Test
    void randomIdsAre22Base58Characters() {
        String id = Ids.newId();
        assertTrue(id.matches(BASE58 + "{22}"), id);
        assertNotEquals(id, Ids.newId());
    }

    @Test
    void timeOrderedIdsSortByTheirMillisecondAsPlainStrings() {
        long start = Instant.parse("2026-12-04T00:00:00Z").toEpochMilli();
        List<String> ids = new ArrayList<>();
        // across carries of every prefix digit, and far ahead
        for (long t : new long[] {start, start + 1, start + 57, start + 58, start + 58 * 58, start + 3_364_000_000L,
                Instant.parse("2999-01-01T00:00:00Z").toEpochMilli()}) {
            ids.add(Ids.newTimeOrderedId(t));
        }
        for (String id : ids) {
            assertTrue(id.matches(BASE58 + "{24}"), id);
        }
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(Ids.newTimeOrderedId(0).substring(0, 8), "11111111");
    }

    @Test
    void timeOrderedIdsOfOneMillisecondDifferInTheirRandomPart() {
        long now = System.currentTimeMillis();
        String a = Ids.newTimeOrderedId(now);
        String b = Ids.newTimeOrderedId(now);
        assertEquals(a.substring(0, 8), b.substring(0, 8));
        assertNotEquals(a.substring(8), b.substring(8));
    }
}
