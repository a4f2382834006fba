package io.chaintill.domain.payment;

import io.chaintill.domain.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifies how an invoice can be paid, in Greenfield 2 form: {@code BTC-CHAIN}, {@code ETH-CHAIN},
 * {@code USDT-ERC20}, and on other EVM chains {@code USDC-BASE}, {@code ETH-ARBITRUM}. Older Greenfield spellings
 * ({@code BTC}, {@code BTC-OnChain}, {@code BTC_CHAIN}) are accepted on input so existing plugins keep working.
 */
public record PaymentMethodId(String currency, String kind) {
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{2,10}(-[A-Z0-9]{3,12})?");

    public static final PaymentMethodId BTC_CHAIN = new PaymentMethodId("BTC", "CHAIN");

    public static PaymentMethodId parse(String value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        String v = value.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        if (v.endsWith("-ONCHAIN")) {
            v = v.substring(0, v.length() - "-ONCHAIN".length()) + "-CHAIN";
        }
        if (!SHAPE.matcher(v).matches()) {
            throw new InvalidInputException(field, "is not a payment method id (e.g. BTC-CHAIN)");
        }
        int dash = v.indexOf('-');
        return dash < 0 ? new PaymentMethodId(v, "CHAIN") : new PaymentMethodId(v.substring(0, dash), v.substring(dash + 1));
    }

    @Override
    public String toString() {
        return currency + "-" + kind;
    }
}
