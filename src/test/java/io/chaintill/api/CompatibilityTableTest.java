package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityTableTest {
    /** Regenerate with {@code mvn -o -q test -Dtest=CompatibilityTableTest -Dcompatibility.write=true}. */
    @Test
    void docsApiMdShowsWhatOperationsTsvSays() throws IOException {
        String expected = CompatibilityTable.expectedDoc();
        if (Boolean.getBoolean("compatibility.write")) {
            Files.writeString(CompatibilityTable.DOC, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(CompatibilityTable.DOC, StandardCharsets.UTF_8),
                "docs/api.md's compatibility table differs from src/test/resources/greenfield/operations.tsv; regenerate it with"
                        + " mvn -o -q test -Dtest=CompatibilityTableTest -Dcompatibility.write=true");
    }

    @Test
    void everyOperationAppearsOnceWithItsPermissionAndPipesAreEscaped() {
        var rows = CompatibilityTable.rows(List.of("# comment", "operationId\tmethod\tpath\tpermission\tstatus\tnotes",
                "A\tGET\t/a\tbtcpay.store.canviewinvoices\tsupported\t",
                "B\tPOST\t/b\tbtcpay.x,btcpay.y\tpartly\t{status: \"Settled\" | \"Invalid\"}",
                "C\tGET\t/c\tauthenticated\tnot-yet\t",
                "ChainTill_D\tDELETE\t/d\tlogin\tchaintill\tours"));
        String section = CompatibilityTable.section(rows);
        assertTrue(section.contains("Of the 3 operations of BTCPay Greenfield v2.4.1, 1 are supported, 1 partly and 1 not yet;"
                + " ChainTill adds 1 routes"), section);
        assertTrue(section.contains("| `GET /a` | `btcpay.store.canviewinvoices` |  |"), section);
        assertTrue(section.contains("| `POST /b` | `btcpay.x` or `btcpay.y` | {status: \"Settled\" \\| \"Invalid\"} |"), section);
        assertTrue(section.contains("| `GET /c` | any key or login |"), section);
        assertTrue(section.contains("| `DELETE /d` | a password or dashboard login (not a key) | ours |"), section);
    }

    @Test
    void aRowWithAnUnknownStatusOrAChainTillRowWithoutItsStatusIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CompatibilityTable.rows(List.of("h", "A\tGET\t/a\tp\tmaybe\t")));
        assertThrows(IllegalArgumentException.class, () -> CompatibilityTable.rows(List.of("h", "ChainTill_A\tGET\t/a\tp\tsupported\t")));
        assertThrows(IllegalArgumentException.class, () -> CompatibilityTable.rows(List.of("h", "A\tGET\t/a\tp\tsupported")));
    }

    @Test
    void theSectionBetweenTheMarkersIsReplacedAndNothingElse() {
        String doc = "intro\n" + CompatibilityTable.BEGIN + "\nold\n" + CompatibilityTable.END + "\nrest\n";
        assertEquals("intro\nNEW\nrest\n", CompatibilityTable.replaceSection(doc, "NEW"));
        assertThrows(IllegalArgumentException.class, () -> CompatibilityTable.replaceSection("no markers", "x"));
    }
}
