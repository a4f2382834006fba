package io.chaintill.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyCatalogTest {

    @ParameterizedTest(name = "{0} has {1} decimals")
    @CsvSource({"BTC, 8", "btc, 8", "ETH, 18", "USDT, 6", "USDC, 6", "DAI, 18",
            "USD, 2", "usd, 2", "EUR, 2", "JPY, 0", "KRW, 0", "KWD, 3", "CHF, 2"})
    void knownCurrencies(String code, int decimals) {
        assertEquals(Optional.of(decimals), CurrencyCatalog.decimalsOf(code));
        assertEquals(code.toUpperCase(), CurrencyCatalog.require(code, "currency"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZZ", "XAU", "XXX", "US", "USDX", "", "BTC ", "bitcoin"})
    void unknownCurrencies(String code) {
        assertEquals(Optional.empty(), CurrencyCatalog.decimalsOf(code));
    }

    @Test
    void nullHasNoDecimals() {
        assertEquals(Optional.empty(), CurrencyCatalog.decimalsOf(null));
    }

    @Test
    void requireNamesTheFieldAndSaysWhy() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> CurrencyCatalog.require("ZZZ", "defaultCurrency"));
        assertEquals("defaultCurrency", unknown.field());
        assertEquals("is not a known currency code", unknown.getMessage());
        for (String missing : new String[] {null, "", "   "}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> CurrencyCatalog.require(missing, "currency"));
            assertEquals("currency", e.field());
            assertEquals("is required", e.getMessage());
        }
    }

    @Test
    void cryptoIsTellableFromFiat() {
        assertTrue(CurrencyCatalog.isCrypto("BTC"));
        assertTrue(CurrencyCatalog.isCrypto("eth"));
        assertTrue(CurrencyCatalog.isCrypto("USDT"));
        assertFalse(CurrencyCatalog.isCrypto("USD"));
        assertFalse(CurrencyCatalog.isCrypto("JPY"));
    }
}
