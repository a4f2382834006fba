package io.chaintill.sweep;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Base units as plain decimal text: wei as ETH (18 decimals), token units with the token's decimals. */
final class Units {
    static final int ETHER_DECIMALS = 18;

    private Units() {
    }

    static String format(BigInteger units, int decimals) {
        BigDecimal d = new BigDecimal(units, decimals).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    static String ether(BigInteger wei) {
        return format(wei, ETHER_DECIMALS);
    }
}
