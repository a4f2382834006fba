package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.SpeedPolicy;

/**
 * Blocks a payment on one EVM chain needs under each speed policy, written {@code high,medium,lowMedium,low}
 * (e.g. {@code 0,2,6,12}) in {@code chaintill.evm.<chain>.confirmations}. Chains differ in block interval and reorg
 * risk, so each has its own table (defaults and reasons in {@link EvmNetworks} and docs/ethereum.md).
 */
public record ConfirmationTable(int highSpeed, int mediumSpeed, int lowMediumSpeed, int lowSpeed) {
    private static final int MAX = 10_000;

    public ConfirmationTable {
        if (highSpeed < 0 || highSpeed > mediumSpeed || mediumSpeed > lowMediumSpeed || lowMediumSpeed > lowSpeed
                || lowSpeed > MAX) {
            throw new IllegalArgumentException("confirmations must be four whole numbers from 0 to " + MAX
                    + ", each at least the one before (HighSpeed,MediumSpeed,LowMediumSpeed,LowSpeed)");
        }
    }

    /** Parses {@code high,medium,lowMedium,low}; {@code key} names the setting in the error. */
    public static ConfirmationTable parse(String text, String key) {
        String[] parts = text.strip().split("\\s*,\\s*");
        if (text.length() > 100 || parts.length != 4) {
            throw new IllegalArgumentException(key + ": expected four numbers HighSpeed,MediumSpeed,LowMediumSpeed,LowSpeed"
                    + " such as 0,2,6,12");
        }
        try {
            return new ConfirmationTable(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected four whole numbers such as 0,2,6,12");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    public int required(SpeedPolicy policy) {
        return switch (policy) {
            case HighSpeed -> highSpeed;
            case MediumSpeed -> mediumSpeed;
            case LowMediumSpeed -> lowMediumSpeed;
            case LowSpeed -> lowSpeed;
        };
    }

    @Override
    public String toString() {
        return highSpeed + "," + mediumSpeed + "," + lowMediumSpeed + "," + lowSpeed;
    }
}
