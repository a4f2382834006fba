package io.chaintill.chain.ethereum;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;

/** Reads ERC-20 transfers: {@code Transfer} event logs, and {@code transfer(address,uint256)} call data. */
public final class Erc20Transfers {
    public static final String TRANSFER_TOPIC = EventEncoder.encode(new Event("Transfer", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Uint256>(false) { })));
    /** Selector of transfer(address,uint256). */
    static final String TRANSFER_SELECTOR = "0xa9059cbb";

    private Erc20Transfers() {
    }

    /** Recipient (match key) and amount of a transfer. */
    public record Transfer(String to, BigInteger amount) {
    }

    /**
     * A standard ERC-20 Transfer log: three topics (ERC-721's has four, with the token id indexed) and one 32-byte
     * word of data, the exact uint256 amount.
     */
    public static Optional<Transfer> fromLog(Log log) {
        List<String> topics = log.getTopics();
        if (topics == null || topics.size() != 3 || !TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0))) {
            return Optional.empty();
        }
        String data = strip(log.getData());
        if (data.length() != 64) {
            return Optional.empty();
        }
        return Optional.of(new Transfer(word(strip(topics.get(2))), new BigInteger(data, 16)));
    }

    /** A direct transfer(to, amount) call, as a pending transaction to the token contract carries it. */
    public static Optional<Transfer> fromCallData(String input) {
        if (input == null || !input.toLowerCase(Locale.ROOT).startsWith(TRANSFER_SELECTOR)) {
            return Optional.empty();
        }
        String args = input.substring(TRANSFER_SELECTOR.length());
        if (args.length() != 128) {
            return Optional.empty();
        }
        return Optional.of(new Transfer(word(args.substring(0, 64)), new BigInteger(args.substring(64), 16)));
    }

    /** The address in a 32-byte word: its last 20 bytes, as a match key. */
    private static String word(String hex64) {
        return hex64.substring(hex64.length() - 40).toLowerCase(Locale.ROOT);
    }

    private static String strip(String hex) {
        return hex == null ? "" : hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    }
}
