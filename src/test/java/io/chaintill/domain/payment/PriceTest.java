package io.chaintill.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceTest {

    private static Price price(String amount, String currency) {
        return Price.of(new BigDecimal(amount), currency, "amount", "currency");
    }

    private static InvalidInputException refused(String amount, String currency) {
        return assertThrows(InvalidInputException.class, () -> price(amount, currency));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "12.50, USD, 12.5, USD",
            "12.00, usd, 12, USD",
            "0.01, EUR, 0.01, EUR",
            "100, JPY, 100, JPY",
            "100.000, JPY, 100, JPY",
            "1500, jpy, 1500, JPY",
            "0.00000001, BTC, 0.00000001, BTC",
            "0.12345678, btc, 0.12345678, BTC",
            "1.000000000000000001, ETH, 1.000000000000000001, ETH",
            "1000000000000, USD, 1000000000000, USD",
            "1E+3, USD, 1000, USD",
            "0.125, KWD, 0.125, KWD",
    })
    void acceptsAmountsTheCurrencyAllows(String amount, String currency, String text, String code) {
        Price p = price(amount, currency);
        assertEquals(code, p.currency());
        assertEquals(text, p.amountText());
        assertEquals(0, new BigDecimal(amount).compareTo(p.amount()));
    }

    @ParameterizedTest
    @CsvSource({"0, USD", "0.00, USD", "-1, USD", "-0.01, BTC", "0, JPY"})
    void zeroAndNegativeAreRefused(String amount, String currency) {
        InvalidInputException e = refused(amount, currency);
        assertEquals("amount", e.field());
        assertEquals("must be greater than zero", e.getMessage());
    }

    @Test
    void absurdlyLargeAmountsAreRefused() {
        InvalidInputException e = refused("1000000000000.01", "USD");
        assertEquals("amount", e.field());
        assertTrue(e.getMessage().contains("1000000000000"), e.getMessage());
        refused("1E+20", "BTC");
    }

    @ParameterizedTest(name = "{0} {1} has too many decimals")
    @CsvSource({"12.501, USD, 2", "0.001, EUR, 2", "100.5, JPY, 0", "1.1, jpy, 0", "0.000000001, BTC, 8", "1.1234567, USDT, 6",
            "0.1255, KWD, 3"})
    void tooManyDecimalsForTheCurrencyAreRefused(String amount, String currency, int decimals) {
        InvalidInputException e = refused(amount, currency);
        assertEquals("amount", e.field());
        assertTrue(e.getMessage().contains("more than " + decimals + " decimal places"), e.getMessage());
    }

    @Test
    void unknownOrMissingCurrencyIsRefusedNamingTheCurrencyField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Price.of(BigDecimal.TEN, "ZZZ", "amount", "checkout.currency"));
        assertEquals("checkout.currency", e.field());
        assertEquals("is not a known currency code", e.getMessage());
        assertEquals("currency", refused("10", "").field());
        assertEquals("currency", refused("10", "XAU").field()); // gold has no decimal places defined
        assertEquals("currency", assertThrows(InvalidInputException.class,
                () -> Price.of(BigDecimal.TEN, null, "amount", "currency")).field());
    }

    @Test
    void tokenDecimalsGivenByTheCallerBoundThePrecision() {
        assertEquals(new BigDecimal("1.000001"), Price.of(new BigDecimal("1.0000010"), "USDT", 6, "amount").amount());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Price.of(new BigDecimal("1.0000001"), "USDT", 6, "amount"));
        assertEquals("amount", e.field());
        assertEquals("has more than 6 decimal places for USDT", e.getMessage());
        assertEquals(new BigDecimal("1.0000001"), Price.of(new BigDecimal("1.0000001"), "USDT", 18, "amount").amount());
    }
}
