package io.chaintill.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderOrderTest {

    private static final Set<String> KNOWN = Set.of("kraken", "coinbase", "bitstamp", "fixed");

    @Test
    void keepsOrderTrimsLowerCasesAndDropsRepeats() {
        assertEquals(List.of("coinbase", "kraken", "fixed"),
                ProviderOrder.parse(" Coinbase, kraken ,,fixed,kraken", KNOWN));
    }

    @Test
    void unknownProviderIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProviderOrder.parse("kraken,krakn", KNOWN));

        assertTrue(e.getMessage().contains("'krakn'"), e.getMessage());
        assertTrue(e.getMessage().contains("bitstamp, coinbase, fixed, kraken"), e.getMessage());
    }

    @Test
    void emptyListIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProviderOrder.parse(" , ", KNOWN));
        assertThrows(IllegalArgumentException.class, () -> ProviderOrder.parse(null, KNOWN));
    }
}
