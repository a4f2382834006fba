package io.chaintill.rates;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A currency pair such as BTC_USD: the price of one {@code base} expressed in {@code quote}.
 * Codes are normalised to upper case so "btc_usd" and "BTC_USD" are the same cache key.
 */
public record CurrencyPair(String base, String quote) {

    // Letters and digits only: the codes end up inside exchange URLs, so nothing else may pass.
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,12}");

    public CurrencyPair {
        base = normalise(base, "base");
        quote = normalise(quote, "quote");
    }

    /** Parses the Greenfield form "BTC_USD". */
    public static CurrencyPair parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("currency pair is missing (expected e.g. BTC_USD)");
        }
        String[] parts = text.trim().split("_", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("currency pair '" + text + "' must look like BTC_USD");
        }
        return new CurrencyPair(parts[0], parts[1]);
    }

    /** BTC_BTC and the like: the rate is 1 by definition, no provider is asked. */
    public boolean isIdentity() {
        return base.equals(quote);
    }

    @Override
    public String toString() {
        return base + "_" + quote;
    }

    private static String normalise(String code, String role) {
        Objects.requireNonNull(code, () -> role + " currency is missing");
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(upper).matches()) {
            throw new IllegalArgumentException(
                    role + " currency '" + code + "' must be 2-12 letters or digits, e.g. BTC");
        }
        return upper;
    }
}
