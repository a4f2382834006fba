package io.chaintill.chain.ethereum;

import java.util.Locale;
import org.web3j.crypto.Keys;

/** Ethereum address forms: EIP-55 checksummed for display, lower-case hex (no 0x) for matching. */
public final class EthereumAddresses {
    private EthereumAddresses() {
    }

    public static String checksum(String address) {
        return Keys.toChecksumAddress(address);
    }

    /** The form watched destinations are matched on: 40 lower-case hex digits, no prefix. */
    public static String matchKey(String address) {
        String a = address.startsWith("0x") || address.startsWith("0X") ? address.substring(2) : address;
        return a.toLowerCase(Locale.ROOT);
    }

    /** A payout destination: a 0x address, its checksum checked when it has one; a private key is refused as such. */
    public static String payoutAddress(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new io.chaintill.domain.InvalidInputException(field, "is required");
        }
        String a = input.strip();
        if (a.length() > 200) {
            throw new io.chaintill.domain.InvalidInputException(field, "is not an Ethereum address");
        }
        if (io.chaintill.chain.SecretMaterialGuard.looksSecret(a)) {
            throw new io.chaintill.domain.InvalidInputException(field,
                    "looks like a private key or seed: never share it; enter an address to receive the payout");
        }
        if (!a.matches("0[xX][0-9a-fA-F]{40}")) {
            throw new io.chaintill.domain.InvalidInputException(field, "is not an Ethereum address (0x and 40 hex digits)");
        }
        String hex = a.substring(2);
        boolean mixed = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        String canonical = checksum(a);
        if (mixed && !canonical.substring(2).equals(hex)) {
            throw new io.chaintill.domain.InvalidInputException(field, "has a wrong EIP-55 checksum (mistyped?)");
        }
        return canonical;
    }
}
