package io.chaintill.sweep;

import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/** Checks and normalizes Ethereum addresses typed by a person: 0x + 40 hex, and a valid EIP-55 checksum if mixed case. */
public final class EthereumAddress {
    private static final Pattern SHAPE = Pattern.compile("0x[0-9a-fA-F]{40}");

    private EthereumAddress() {
    }

    /** The EIP-55 form of {@code value}; refuses malformed addresses and mixed case with a wrong checksum. */
    public static String parse(String value, String option) {
        if (value == null || !SHAPE.matcher(value.strip()).matches()) {
            throw new SweepException(option + ": '" + value + "' is not an Ethereum address (0x and 40 hex digits)");
        }
        String v = value.strip();
        String hex = v.substring(2);
        String checksummed = Keys.toChecksumAddress(v);
        boolean uniformCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
        if (!uniformCase && !checksummed.equals(v)) {
            // a mixed-case address carries an EIP-55 checksum: a mismatch means a typo somewhere
            throw new SweepException(option + ": " + v + " has a wrong EIP-55 checksum (a mistyped character?);"
                    + " copy the address again from your wallet");
        }
        return checksummed;
    }

    /** Same address regardless of letter case. */
    public static boolean same(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }
}
