package io.chaintill.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyPairTest {

    @Test
    void parsesAndPrintsGreenfieldForm() {
        CurrencyPair pair = CurrencyPair.parse("BTC_USD");
        assertEquals("BTC", pair.base());
        assertEquals("USD", pair.quote());
        assertEquals("BTC_USD", pair.toString());
    }

    @Test
    void normalisesToUpperCaseSoEqualPairsAreEqualKeys() {
        assertEquals(new CurrencyPair("BTC", "EUR"), CurrencyPair.parse(" btc_eur "));
        assertEquals(new CurrencyPair("BTC", "EUR"), new CurrencyPair("btc", "Eur"));
    }

    @Test
    void identityPairIsRecognised() {
        assertTrue(CurrencyPair.parse("BTC_BTC").isIdentity());
        assertFalse(CurrencyPair.parse("BTC_USD").isIdentity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BTCUSD", "BTC_USD_EUR", "_USD", "BTC_", "B_USD", "BTC_U$D", "BTC_US D",
            "BTC/USD", "BTC_USD?x=1"})
    void rejectsMalformedPairs(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CurrencyPair.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void rejectsMissingText() {
        assertThrows(IllegalArgumentException.class, () -> CurrencyPair.parse(null));
        assertThrows(NullPointerException.class, () -> new CurrencyPair(null, "USD"));
    }
}
