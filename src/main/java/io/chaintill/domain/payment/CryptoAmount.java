package io.chaintill.domain.payment;

import io.chaintill.domain.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of a crypto asset in its smallest unit (satoshi, wei, token base unit).
 * Amounts never pass through floating point: chain values are integers, and decimal strings
 * are only a presentation of {@code units / 10^decimals}.
 */
public final class CryptoAmount implements Comparable<CryptoAmount> {
    private final BigInteger units;
    private final int decimals;

    private CryptoAmount(BigInteger units, int decimals) {
        if (decimals < 0 || decimals > 36) {
            throw new IllegalArgumentException("decimals out of range: " + decimals);
        }
        this.units = Objects.requireNonNull(units, "units");
        this.decimals = decimals;
    }

    public static CryptoAmount ofUnits(BigInteger units, int decimals) {
        return new CryptoAmount(units, decimals);
    }

    public static CryptoAmount zero(int decimals) {
        return new CryptoAmount(BigInteger.ZERO, decimals);
    }

    /** Exact conversion; a value with more fractional digits than the asset has is refused. */
    public static CryptoAmount ofDecimal(BigDecimal value, int decimals, String field) {
        try {
            return new CryptoAmount(value.movePointRight(decimals).toBigIntegerExact(), decimals);
        } catch (ArithmeticException e) {
            throw new InvalidInputException(field, "has more than " + decimals + " decimal places");
        }
    }

    /** Rounds up to the smallest unit: a buyer must never be asked for less than the price. */
    public static CryptoAmount ofDecimalRoundingUp(BigDecimal value, int decimals) {
        return new CryptoAmount(value.setScale(decimals, RoundingMode.UP).movePointRight(decimals).toBigIntegerExact(), decimals);
    }

    public BigInteger units() {
        return units;
    }

    public int decimals() {
        return decimals;
    }

    public BigDecimal toDecimal() {
        return new BigDecimal(units, decimals);
    }

    /** Plain decimal text without exponent or trailing zeros, e.g. "0.0015", "1". */
    public String toPlainString() {
        BigDecimal d = toDecimal().stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    public CryptoAmount plus(CryptoAmount other) {
        return new CryptoAmount(units.add(sameDecimals(other).units), decimals);
    }

    public CryptoAmount minus(CryptoAmount other) {
        return new CryptoAmount(units.subtract(sameDecimals(other).units), decimals);
    }

    /** The amount reduced by a percentage (payment tolerance), rounded down so tolerance never exceeds what was granted. */
    public CryptoAmount lessPercent(BigDecimal percent) {
        BigDecimal reduced = new BigDecimal(units).multiply(BigDecimal.valueOf(100).subtract(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.UP);
        return new CryptoAmount(reduced.toBigIntegerExact(), decimals);
    }

    public boolean isZero() {
        return units.signum() == 0;
    }

    public boolean isPositive() {
        return units.signum() > 0;
    }

    public CryptoAmount atLeastZero() {
        return units.signum() < 0 ? zero(decimals) : this;
    }

    private CryptoAmount sameDecimals(CryptoAmount other) {
        if (other.decimals != decimals) {
            throw new IllegalArgumentException("mixing amounts of " + decimals + " and " + other.decimals + " decimals");
        }
        return other;
    }

    @Override
    public int compareTo(CryptoAmount o) {
        return units.compareTo(sameDecimals(o).units);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CryptoAmount c && c.units.equals(units) && c.decimals == decimals;
    }

    @Override
    public int hashCode() {
        return units.hashCode() * 31 + decimals;
    }

    @Override
    public String toString() {
        return toPlainString();
    }
}
