package io.chaintill.chain.ethereum;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses {@code chaintill.eth.tokens}: {@code SYMBOL:0xContract:decimals[,...]}. */
final class Erc20TokenList {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern CONTRACT = Pattern.compile("0x[0-9a-fA-F]{40}");

    private Erc20TokenList() {
    }

    static List<Erc20Token> parse(String text, long chainId) {
        List<Erc20Token> tokens = new ArrayList<>();
        Set<String> symbols = new HashSet<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":");
            if (parts.length != 3) {
                throw bad(entry, "expected SYMBOL:0xContract:decimals");
            }
            String symbol = parts[0].strip().toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(symbol).matches() || symbol.equals("ETH") || symbol.equals("BTC")) {
                throw bad(entry, "the symbol must be 2-10 letters or digits, not ETH or BTC");
            }
            if (!symbols.add(symbol)) {
                throw bad(entry, "symbol " + symbol + " is listed twice");
            }
            String contract = parts[1].strip();
            if (!CONTRACT.matcher(contract).matches()) {
                throw bad(entry, "the contract must be 0x followed by 40 hex digits");
            }
            int decimals;
            try {
                decimals = Integer.parseInt(parts[2].strip());
            } catch (NumberFormatException e) {
                throw bad(entry, "decimals must be a whole number");
            }
            if (decimals < 0 || decimals > 36) {
                throw bad(entry, "decimals must be between 0 and 36");
            }
            tokens.add(new Erc20Token(symbol, EthereumAddresses.checksum(contract), decimals, chainId));
        }
        return List.copyOf(tokens);
    }

    private static IllegalArgumentException bad(String entry, String why) {
        return new IllegalArgumentException("chaintill.eth.tokens: '" + entry.strip() + "': " + why);
    }
}
