package io.chaintill.domain.invoice;

import static io.chaintill.domain.invoice.InvoiceStatus.Expired;
import static io.chaintill.domain.invoice.InvoiceStatus.Invalid;
import static io.chaintill.domain.invoice.InvoiceStatus.New;
import static io.chaintill.domain.invoice.InvoiceStatus.Processing;
import static io.chaintill.domain.invoice.InvoiceStatus.Settled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvoiceTransitionTest {

    /** The design's table (DESIGN.md "Invoice"), written out independently of the enum so either can catch the other. */
    static final Set<List<InvoiceStatus>> DESIGN_TABLE = Set.of(
            List.of(New, Processing), List.of(Expired, Processing), List.of(Processing, Settled),
            List.of(New, Expired), List.of(Processing, Invalid), List.of(Processing, New),
            List.of(Processing, Expired),
            // manual marking
            List.of(New, Settled), List.of(Expired, Settled), List.of(Invalid, Settled),
            List.of(New, Invalid), List.of(Expired, Invalid));

    private static Set<List<InvoiceStatus>> tablePairs() {
        Set<List<InvoiceStatus>> pairs = new HashSet<>();
        for (InvoiceTransition t : InvoiceTransition.values()) {
            for (InvoiceStatus f : t.from()) {
                pairs.add(List.of(f, t.to()));
            }
        }
        return pairs;
    }

    @Test
    void isAllowedIsExactlyMembershipInTheTableForEveryPair() {
        Set<List<InvoiceStatus>> table = tablePairs();
        int checked = 0;
        for (InvoiceStatus from : InvoiceStatus.values()) {
            for (InvoiceStatus to : InvoiceStatus.values()) {
                assertEquals(table.contains(List.of(from, to)), InvoiceTransition.isAllowed(from, to),
                        from + " -> " + to);
                checked++;
            }
        }
        assertEquals(25, checked);
    }

    @Test
    void tableIsTheDesignedOne() {
        assertEquals(DESIGN_TABLE, tablePairs());
    }

    @Test
    void settledIsTerminalAndNoStatusMovesToItself() {
        for (InvoiceStatus to : InvoiceStatus.values()) {
            assertFalse(InvoiceTransition.isAllowed(Settled, to), "Settled -> " + to);
        }
        for (InvoiceStatus s : InvoiceStatus.values()) {
            assertFalse(InvoiceTransition.isAllowed(s, s), s + " -> itself");
        }
        assertFalse(InvoiceTransition.isAllowed(Invalid, New));
        assertFalse(InvoiceTransition.isAllowed(Expired, New));
        assertFalse(InvoiceTransition.isAllowed(Settled, Invalid), "a settled invoice cannot be marked invalid");
    }

    @Test
    void allowedFromAgreesWithFrom() {
        for (InvoiceTransition t : InvoiceTransition.values()) {
            for (InvoiceStatus s : InvoiceStatus.values()) {
                assertEquals(t.from().contains(s), t.allowedFrom(s), t + " from " + s);
            }
            assertFalse(t.from().isEmpty(), t.name());
            assertFalse(t.reason().isBlank(), t.name());
        }
    }

    @Test
    void fromReturnsACopySoTheTableCannotBeChangedFromOutside() {
        Set<InvoiceStatus> from = InvoiceTransition.CONFIRMED.from();
        from.add(Settled);
        from.add(New);
        assertEquals(EnumSet.of(Processing), InvoiceTransition.CONFIRMED.from());
        assertFalse(InvoiceTransition.isAllowed(New, New));
    }

    @Test
    void mermaidHasOneEdgePerTableRowAndStartsAtNew() {
        String m = InvoiceTransition.mermaid();
        List<String> lines = m.lines().toList();
        assertEquals("stateDiagram-v2", lines.get(0));
        assertEquals("    [*] --> New: created", lines.get(1));
        int edges = 0;
        for (InvoiceTransition t : InvoiceTransition.values()) {
            for (InvoiceStatus f : t.from()) {
                assertTrue(lines.contains("    " + f + " --> " + t.to() + ": " + t.reason()), f + " -> " + t);
                edges++;
            }
        }
        assertEquals(edges + 2, lines.size());
        assertTrue(m.endsWith("\n"));
    }
}
