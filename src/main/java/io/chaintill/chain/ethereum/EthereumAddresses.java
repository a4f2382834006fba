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
}
