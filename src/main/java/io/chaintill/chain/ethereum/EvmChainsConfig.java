package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.PaymentMethodId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the EVM chains from configuration: every {@code chaintill.evm.<name>.chain-id} (or its environment form
 * {@code CHAINTILL_EVM_<NAME>_CHAIN_ID}, or a name listed in {@code chaintill.evm.chains}) is one chain, its other
 * settings under the same prefix; the chain named {@code ethereum} falls back key by key to {@code chaintill.eth.*},
 * so older configurations keep working. A malformed value stops the start with a message naming the key.
 */
public final class EvmChainsConfig {
    private static final Pattern CHAIN_ID_KEY =
            Pattern.compile("chaintill[._]evm[._]([a-z0-9]+)[._]chain[-_]id", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{2,11}");
    private static final Set<String> RESERVED = Set.of("chain", "erc20", "onchain", "lightning", "lnurl");
    private static final Pattern DISPLAY = Pattern.compile("[\\p{L}\\p{N} .'()-]{1,40}");
    private static final Pattern NATIVE = Pattern.compile("[A-Z0-9]{2,10}");
    private static final int MAX_URL = 2000;

    private EvmChainsConfig() {
    }

    /**
     * @param names  every configuration property name (chains are found by their chain-id key)
     * @param values a property's value by its dotted name, environment forms included
     */
    public static List<EvmChain> parse(Iterable<String> names, Function<String, Optional<String>> values) {
        Set<String> chains = new TreeSet<>();
        for (String n : names) {
            Matcher m = CHAIN_ID_KEY.matcher(n);
            if (m.matches()) {
                chains.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        // for configuration sources that cannot list their names: chaintill.evm.chains=base,arbitrum
        values.apply("chaintill.evm.chains").ifPresent(list -> {
            for (String n : list.split(",")) {
                if (!n.isBlank()) {
                    chains.add(n.strip().toLowerCase(Locale.ROOT));
                }
            }
        });
        if (values.apply("chaintill.eth.chain-id").filter(v -> !v.isBlank()).isPresent()) {
            chains.add(EvmChain.ETHEREUM);
        }
        List<EvmChain> out = new ArrayList<>();
        Map<Long, String> byChainId = new HashMap<>();
        for (String name : chains) {
            if (new Settings(name, values).text("chain-id").isEmpty()) {
                continue; // an empty chain id turns the chain off
            }
            EvmChain chain = chain(name, values);
            String other = byChainId.putIfAbsent(chain.chainId(), name);
            if (other != null) {
                throw new IllegalArgumentException(chain.chainIdKey() + ": chains '" + other + "' and '" + name
                        + "' both run chain id " + chain.chainId() + "; payments could not be told apart");
            }
            out.add(chain);
        }
        return List.copyOf(out);
    }

    private static EvmChain chain(String name, Function<String, Optional<String>> values) {
        if (!NAME.matcher(name).matches() || RESERVED.contains(name)) {
            throw new IllegalArgumentException("chaintill.evm." + name + ": a chain name is 3-12 lower-case letters or"
                    + " digits starting with a letter, not chain, erc20, onchain, lightning or lnurl");
        }
        Settings s = new Settings(name, values);
        long chainId = s.number("chain-id", 1, Long.MAX_VALUE / 2).orElseThrow();
        boolean ethereum = name.equals(EvmChain.ETHEREUM);
        Optional<EvmNetworks.Network> known = EvmNetworks.byChainId(chainId);
        String display = s.text("network-name").map(String::strip).orElse(known.map(EvmNetworks.Network::displayName)
                .orElse(ethereum ? "Ethereum" : Character.toUpperCase(name.charAt(0)) + name.substring(1)));
        if (!DISPLAY.matcher(display).matches()) {
            throw new IllegalArgumentException(s.key("network-name") + ": 1-40 letters, digits, spaces or .'()-");
        }
        String nativeSymbol = s.text("native").map(v -> v.strip().toUpperCase(Locale.ROOT))
                .orElse(known.map(EvmNetworks.Network::nativeSymbol).orElse("ETH"));
        if (!NATIVE.matcher(nativeSymbol).matches()) {
            throw new IllegalArgumentException(s.key("native") + ": the native coin's symbol is 2-10 letters or digits");
        }
        String kind = ethereum ? "CHAIN" : EvmChain.kind(name);
        ConfirmationTable confirmations = s.text("confirmations").map(v -> ConfirmationTable.parse(v, s.key("confirmations")))
                .orElse(known.map(EvmNetworks.Network::confirmations).orElse(EvmNetworks.defaultConfirmations()));
        Optional<String> rpcUrl = s.text("rpc.url").map(String::strip).filter(v -> !v.isEmpty());
        if (rpcUrl.isPresent() && (rpcUrl.get().length() > MAX_URL || !rpcUrl.get().matches("(?i)https?://\\S+"))) {
            throw new IllegalArgumentException(s.key("rpc.url") + ": expected an http:// or https:// URL");
        }
        List<Erc20Token> tokens = Erc20TokenList.parse(s.text("tokens").orElse(""), s.key("tokens"), chainId,
                ethereum ? "ERC20" : kind);
        if (tokens.stream().anyMatch(t -> t.symbol().equals(nativeSymbol))) {
            throw new IllegalArgumentException(s.key("tokens") + ": " + nativeSymbol + " is this chain's native coin");
        }
        return new EvmChain(name, chainId, display, new PaymentMethodId(nativeSymbol, kind), rpcUrl, confirmations,
                s.number("block-interval-ms", 100, 600_000), (int) (long) s.number("first-scan-depth", 0, 10_000).orElse(12L),
                (int) (long) s.number("balance-checks-per-pass", 0, 100_000).orElse(100L), tokens, s.key("chain-id"));
    }

    /** One chain's keys: {@code chaintill.evm.<name>.<key>}, for Ethereum else {@code chaintill.eth.<key>}. */
    private record Settings(String name, Function<String, Optional<String>> values) {
        Optional<String> text(String key) {
            Optional<String> v = values.apply("chaintill.evm." + name + "." + key).filter(x -> !x.isBlank());
            if (v.isEmpty() && name.equals(EvmChain.ETHEREUM)) {
                v = values.apply("chaintill.eth." + key).filter(x -> !x.isBlank());
            }
            return v;
        }

        String key(String key) {
            boolean legacy = name.equals(EvmChain.ETHEREUM)
                    && values.apply("chaintill.evm." + name + "." + key).filter(x -> !x.isBlank()).isEmpty()
                    && values.apply("chaintill.eth." + key).filter(x -> !x.isBlank()).isPresent();
            return legacy ? "chaintill.eth." + key : "chaintill.evm." + name + "." + key;
        }

        Optional<Long> number(String key, long min, long max) {
            return text(key).map(v -> {
                try {
                    long n = Long.parseLong(v.strip());
                    if (n >= min && n <= max) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new IllegalArgumentException(key(key) + ": expected a whole number from " + min + " to " + max);
            });
        }
    }
}
