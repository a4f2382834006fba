package io.chaintill.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CryptoAmountTest {

    private static CryptoAmount units(long u, int decimals) {
        return CryptoAmount.ofUnits(BigInteger.valueOf(u), decimals);
    }

    @ParameterizedTest(name = "{0} with {1} decimals = {2} units, shown {3}")
    @CsvSource({
            "0.0015, 8, 150000, 0.0015",
            "0.00150000, 8, 150000, 0.0015",
            "1, 8, 100000000, 1",
            "10.0, 8, 1000000000, 10",
            "0.00000001, 8, 1, 0.00000001",
            "21000000, 8, 2100000000000000, 21000000",
            "0, 8, 0, 0",
            "1.000000000000000001, 18, 1000000000000000001, 1.000000000000000001",
            "123456789.123456789012345678, 18, 123456789123456789012345678, 123456789.123456789012345678",
            "2.5, 6, 2500000, 2.5",
            "1.10000000000, 8, 110000000, 1.1",
    })
    void decimalConversionIsExactBothWays(String decimal, int decimals, String expectedUnits, String shown) {
        CryptoAmount a = CryptoAmount.ofDecimal(new BigDecimal(decimal), decimals, "amount");
        assertEquals(new BigInteger(expectedUnits), a.units());
        assertEquals(decimals, a.decimals());
        assertEquals(shown, a.toPlainString());
        assertEquals(shown, a.toString());
        assertEquals(0, new BigDecimal(decimal).compareTo(a.toDecimal()));
    }

    @Test
    void noFloatingPointDrift() {
        CryptoAmount sum = CryptoAmount.ofDecimal(new BigDecimal("0.1"), 8, "a")
                .plus(CryptoAmount.ofDecimal(new BigDecimal("0.2"), 8, "b"));
        assertEquals(CryptoAmount.ofDecimal(new BigDecimal("0.3"), 8, "c"), sum);
        assertEquals("0.3", sum.toPlainString());
        // 18 decimals exceed a double's precision: one wei must survive a round trip
        CryptoAmount wei = CryptoAmount.ofDecimal(new BigDecimal("12345.000000000000000001"), 18, "amount");
        assertEquals("12345.000000000000000001", wei.toPlainString());
    }

    @Test
    void tooManyDecimalsIsRefusedNamingTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CryptoAmount.ofDecimal(new BigDecimal("0.000000001"), 8, "checkout.amount"));
        assertEquals("checkout.amount", e.field());
        assertTrue(e.getMessage().contains("8"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> CryptoAmount.ofDecimal(new BigDecimal("1.5"), 0, "amount"));
        assertThrows(InvalidInputException.class, () -> CryptoAmount.ofDecimal(new BigDecimal("0.0000001"), 6, "amount"));
    }

    @ParameterizedTest(name = "{0} rounded up to {1} decimals = {2} units")
    @CsvSource({
            "0.000000011, 8, 2",
            "0.00000001, 8, 1",
            "0.000000010000, 8, 1",
            "0.0000000000001, 8, 1",
            "0.00108333333333333, 8, 108334",
            "1, 8, 100000000",
            "0, 8, 0",
            "0.1234567, 6, 123457",
    })
    void roundingUpNeverAsksForLess(String decimal, int decimals, long expectedUnits) {
        CryptoAmount a = CryptoAmount.ofDecimalRoundingUp(new BigDecimal(decimal), decimals);
        assertEquals(BigInteger.valueOf(expectedUnits), a.units());
        assertTrue(a.toDecimal().compareTo(new BigDecimal(decimal)) >= 0);
        assertTrue(a.toDecimal().subtract(new BigDecimal(decimal)).compareTo(BigDecimal.ONE.movePointLeft(decimals)) < 0);
    }

    @ParameterizedTest(name = "{0} less {1}% = {2}")
    @CsvSource({
            "100000, 0, 100000",
            "100000, 1, 99000",
            "100000, 2.5, 97500",
            "99999, 1, 99000",      // 98999.01 rounds up: the tolerance granted never exceeds the percentage
            "1, 1, 1",
            "1, 99, 1",
            "1, 100, 0",
            "100, 100, 0",
            "3, 50, 2",
            "1000000000000000000000, 0.000001, 999999990000000000000",
    })
    void lessPercentRoundsTheThresholdUp(String amount, String percent, String expected) {
        CryptoAmount a = CryptoAmount.ofUnits(new BigInteger(amount), 18);
        CryptoAmount less = a.lessPercent(new BigDecimal(percent));
        assertEquals(new BigInteger(expected), less.units());
        assertEquals(18, less.decimals());
    }

    @Test
    void arithmeticAndComparison() {
        CryptoAmount a = units(150, 8);
        CryptoAmount b = units(50, 8);
        assertEquals(units(200, 8), a.plus(b));
        assertEquals(units(100, 8), a.minus(b));
        assertEquals(units(-100, 8), b.minus(a));
        assertEquals(units(0, 8), b.minus(a).atLeastZero());
        assertEquals(a, a.atLeastZero());
        assertTrue(a.compareTo(b) > 0);
        assertTrue(b.compareTo(a) < 0);
        assertEquals(0, a.compareTo(units(150, 8)));
        assertTrue(CryptoAmount.zero(8).isZero());
        assertFalse(CryptoAmount.zero(8).isPositive());
        assertTrue(units(1, 8).isPositive());
        assertFalse(units(-1, 8).isPositive());
        assertFalse(units(-1, 8).isZero());
    }

    @Test
    void amountsOfDifferentDecimalsDoNotMix() {
        CryptoAmount btc = units(1, 8);
        CryptoAmount eth = units(1, 18);
        assertNotEquals(btc, eth);
        assertThrows(IllegalArgumentException.class, () -> btc.plus(eth));
        assertThrows(IllegalArgumentException.class, () -> btc.minus(eth));
        assertThrows(IllegalArgumentException.class, () -> btc.compareTo(eth));
    }

    @Test
    void equalityIsByUnitsAndDecimals() {
        assertEquals(units(5, 8), units(5, 8));
        assertEquals(units(5, 8).hashCode(), units(5, 8).hashCode());
        assertNotEquals(units(5, 8), units(6, 8));
        assertNotEquals(units(5, 8), "5");
    }

    @Test
    void decimalsOutOfRangeAndNullUnitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CryptoAmount.zero(-1));
        assertThrows(IllegalArgumentException.class, () -> CryptoAmount.zero(37));
        assertEquals(36, CryptoAmount.zero(36).decimals());
        assertThrows(NullPointerException.class, () -> CryptoAmount.ofUnits(null, 8));
    }

    @Test
    void toPlainStringNeverUsesExponents() {
        assertEquals("1000", units(100_000_000_000L, 8).toPlainString());
        assertEquals("0.00000001", units(1, 8).toPlainString());
        assertEquals("0", units(0, 18).toPlainString());
        assertEquals("5", units(5, 0).toPlainString());
        assertEquals("50", units(50, 0).toPlainString());
    }
}
