package io.chaintill.rates;

import java.math.BigDecimal;

/**
 * The USD price range a USD-pegged token must trade in to be accepted, e.g. 0.98..1.02. Outside it the token is
 * taken as depegged: a buyer paying it would hand the merchant less (or more) than the invoice is worth.
 */
public record PegBand(BigDecimal low, BigDecimal high) {
    public static final PegBand DEFAULT = new PegBand(new BigDecimal("0.98"), new BigDecimal("1.02"));

    public PegBand {
        if (low == null || high == null || low.signum() <= 0 || low.compareTo(high) > 0) {
            throw new IllegalArgumentException("peg band must be LOW..HIGH with 0 < LOW <= HIGH, e.g. 0.98..1.02");
        }
    }

    /** Parses "0.98..1.02"; anything else fails with a message naming the text. */
    public static PegBand parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\.\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("peg band '" + text + "' must look like 0.98..1.02");
        }
        try {
            return new PegBand(new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("peg band '" + text + "' must look like 0.98..1.02");
        }
    }

    public boolean holds(BigDecimal usdPrice) {
        return usdPrice.compareTo(low) >= 0 && usdPrice.compareTo(high) <= 0;
    }

    @Override
    public String toString() {
        return low.toPlainString() + ".." + high.toPlainString();
    }
}
