package io.chaintill.domain.payment;

import io.chaintill.domain.InvalidInputException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which currencies an invoice may be priced in, and how many decimals each allows. */
public final class CurrencyCatalog {
    private static final Map<String, Integer> CRYPTO = Map.of("BTC", 8, "ETH", 18, "USDT", 6, "USDC", 6, "DAI", 18);

    private CurrencyCatalog() {
    }

    public static Optional<Integer> decimalsOf(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.toUpperCase(Locale.ROOT);
        if (CRYPTO.containsKey(c)) {
            return Optional.of(CRYPTO.get(c));
        }
        try {
            int digits = Currency.getInstance(c).getDefaultFractionDigits();
            return digits < 0 ? Optional.empty() : Optional.of(digits);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Returns the upper-case code, or refuses it naming {@code field}. */
    public static String require(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (decimalsOf(code).isEmpty()) {
            throw new InvalidInputException(field, "is not a known currency code");
        }
        return code.toUpperCase(Locale.ROOT);
    }

    public static boolean isCrypto(String code) {
        return CRYPTO.containsKey(code.toUpperCase(Locale.ROOT));
    }
}
