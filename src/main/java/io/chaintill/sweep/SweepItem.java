package io.chaintill.sweep;

import java.math.BigInteger;

/**
 * One line of a sweep plan. {@code balance} and {@code amount} are in the swept asset's base units (wei for
 * ether, token units for a token); {@code fee} and {@code topUp} are always wei. {@code gasLimit} is what the
 * transaction will carry. A skipped line has a reason and sends nothing.
 */
public record SweepItem(int index, String address, BigInteger balance, BigInteger gasLimit, BigInteger fee,
                        BigInteger topUp, BigInteger amount, String skipReason) {

    public boolean skipped() {
        return skipReason != null;
    }
}
