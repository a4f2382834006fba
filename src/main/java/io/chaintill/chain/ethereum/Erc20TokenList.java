package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.PaymentMethodId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a chain's token list ({@code chaintill.eth.tokens}, {@code chaintill.evm.<chain>.tokens}): entries
 * {@code SYMBOL:0xContract:decimals}, or a built-in preset {@code SYMBOL} / {@code SYMBOL@network} (see
 * {@link Erc20Presets}), separated by commas.
 */
final class Erc20TokenList {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern CONTRACT = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final int MAX_LENGTH = 4000;

    private Erc20TokenList() {
    }

    static List<Erc20Token> parse(String text, long chainId) {
        return parse(text, "chaintill.eth.tokens", chainId, "ERC20");
    }

    /** {@code kind} is the method id's second part: ERC20 on Ethereum, the chain's name elsewhere. */
    static List<Erc20Token> parse(String text, String key, long chainId, String kind) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(key + ": longer than " + MAX_LENGTH + " characters");
        }
        List<Erc20Token> tokens = new ArrayList<>();
        Set<String> symbols = new HashSet<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":");
            if (parts.length != 3 && parts.length != 1) {
                throw bad(key, entry, "expected SYMBOL:0xContract:decimals or a built-in SYMBOL@network");
            }
            String[] named = parts[0].strip().split("@", 2);
            String symbol = named[0].strip().toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(symbol).matches() || symbol.equals("ETH") || symbol.equals("BTC") || symbol.equals("POL")) {
                throw bad(key, entry, "the symbol must be 2-10 letters or digits, not ETH, POL or BTC");
            }
            if (!symbols.add(symbol)) {
                throw bad(key, entry, "symbol " + symbol + " is listed twice");
            }
            PaymentMethodId method = new PaymentMethodId(symbol, kind);
            tokens.add(parts.length == 1 ? preset(key, entry, symbol, named.length == 2 ? named[1] : null, chainId, method)
                    : explicit(key, entry, symbol, parts, named.length == 2, chainId, method));
        }
        return List.copyOf(tokens);
    }

    private static Erc20Token preset(String key, String entry, String symbol, String network, long chainId,
                                     PaymentMethodId method) {
        if (network != null) {
            String name = network.strip().toLowerCase(Locale.ROOT);
            EvmNetworks.Network named = EvmNetworks.byPresetName(name).orElseThrow(() -> bad(key, entry,
                    "unknown network '" + name + "' (known: ethereum, base, arbitrum, optimism, polygon)"));
            if (named.chainId() != chainId) {
                throw bad(key, entry, symbol + "@" + name + " is the preset for chain id " + named.chainId()
                        + ", but this chain runs chain id " + chainId);
            }
        }
        Erc20Presets.Preset p = Erc20Presets.find(symbol, chainId).orElseThrow(() -> bad(key, entry,
                "there is no built-in " + symbol + " contract for chain id " + chainId
                        + "; write SYMBOL:0xContract:decimals"));
        return new Erc20Token(symbol, EthereumAddresses.checksum(p.contract()), p.decimals(), chainId, method,
                p.onChainSymbols());
    }

    private static Erc20Token explicit(String key, String entry, String symbol, String[] parts, boolean namedNetwork,
                                       long chainId, PaymentMethodId method) {
        if (namedNetwork) {
            throw bad(key, entry, "SYMBOL@network names a built-in contract; leave out the address or the @network");
        }
        String contract = parts[1].strip();
        if (!CONTRACT.matcher(contract).matches()) {
            throw bad(key, entry, "the contract must be 0x followed by 40 hex digits");
        }
        int decimals;
        try {
            decimals = Integer.parseInt(parts[2].strip());
        } catch (NumberFormatException e) {
            throw bad(key, entry, "decimals must be a whole number");
        }
        if (decimals < 0 || decimals > 36) {
            throw bad(key, entry, "decimals must be between 0 and 36");
        }
        return new Erc20Token(symbol, EthereumAddresses.checksum(contract), decimals, chainId, method, Set.of());
    }

    private static IllegalArgumentException bad(String key, String entry, String why) {
        String shown = entry.strip();
        return new IllegalArgumentException(key + ": '" + (shown.length() > 120 ? shown.substring(0, 120) + "…" : shown)
                + "': " + why);
    }
}
