package io.chaintill.domain.payment;

import io.chaintill.domain.InvalidInputException;
import java.math.BigDecimal;

/** An invoice price: a positive amount with no more decimals than its currency allows, within sane bounds. */
public record Price(BigDecimal amount, String currency) {
    /** No shop sells a single order above this; larger values are typos or attacks. */
    static final BigDecimal MAX = new BigDecimal("1000000000000");

    public static Price of(BigDecimal amount, String currencyCode, String amountField, String currencyField) {
        String currency = CurrencyCatalog.require(currencyCode, currencyField);
        return of(amount, currency, CurrencyCatalog.decimalsOf(currency).orElseThrow(), amountField);
    }

    /**
     * A price in an already checked currency whose smallest unit the caller knows better than the catalog, e.g.
     * a configured token (USDT with the decimals of the contract the buyer pays with).
     */
    public static Price of(BigDecimal amount, String currency, int decimals, String amountField) {
        if (amount.signum() <= 0) {
            throw new InvalidInputException(amountField, "must be greater than zero");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new InvalidInputException(amountField, "must not exceed " + MAX.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw new InvalidInputException(amountField, "has more than " + decimals + " decimal places for " + currency);
        }
        return new Price(amount.stripTrailingZeros(), currency);
    }

    public String amountText() {
        BigDecimal d = amount.stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
