package io.chaintill.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedRateProviderTest {

    @Test
    void parsesTable() throws Exception {
        FixedRateProvider fixed = FixedRateProvider.parse("BTC_USD:50000, btc_eur : 46000.50 ,ETH_USD:3000");

        assertEquals("fixed", fixed.id());
        assertEquals(new BigDecimal("50000"), fixed.rate(CurrencyPair.parse("BTC_USD")));
        assertEquals(new BigDecimal("46000.50"), fixed.rate(CurrencyPair.parse("BTC_EUR")));
        assertEquals(new BigDecimal("3000"), fixed.rate(CurrencyPair.parse("ETH_USD")));
        assertEquals(3, fixed.rates().size());
    }

    @Test
    void blankTableIsEmpty() {
        assertEquals(Map.of(), FixedRateProvider.parse("  ").rates());
        assertEquals(Map.of(), FixedRateProvider.parse(null).rates());
    }

    @Test
    void unlistedPairIsUnavailable() {
        FixedRateProvider fixed = FixedRateProvider.parse("BTC_USD:50000");

        RateUnavailableException e = assertThrows(RateUnavailableException.class,
                () -> fixed.rate(CurrencyPair.parse("BTC_GBP")));

        assertEquals("fixed", e.providerId());
        assertTrue(e.reason().contains("chaintill.rates.fixed"), e.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BTC_USD:50000,BTC_EUR=46000   | 'BTC_EUR=46000'",
        "BTC_USD:50000:1               | 'BTC_USD:50000:1'",
        "BTCUSD:50000                  | 'BTCUSD:50000'",
        "BTC_USD:fifty                 | 'BTC_USD:fifty'",
        "BTC_USD:NaN                   | 'BTC_USD:NaN'",
        "BTC_USD:0                     | 'BTC_USD:0'",
        "BTC_USD:-5                    | 'BTC_USD:-5'",
        "BTC_USD:                      | 'BTC_USD:'",
        "BTC_USD:50000,                | ''",
        "BTC_USD:1,btc_usd:2           | 'btc_usd:2'",
    })
    void badEntryIsRejectedByName(String table, String namedEntry) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FixedRateProvider.parse(table));

        assertTrue(e.getMessage().startsWith("chaintill.rates.fixed: bad entry '" + namedEntry + "':"), e.getMessage());
    }

    @Test
    void duplicateIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FixedRateProvider.parse("BTC_USD:1,btc_usd:2"));

        assertTrue(e.getMessage().contains("BTC_USD is listed twice"), e.getMessage());
    }
}
