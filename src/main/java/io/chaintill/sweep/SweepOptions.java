package io.chaintill.sweep;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sweep's command line, checked: every mistake is reported with the option's name. Secrets are never
 * options (see {@link SecretArgumentGuard}); only the files holding them are.
 */
public record SweepOptions(String server, String storeId, String method, String to, String rpc, Integer gasFromIndex,
                           boolean execute, Path apiKeyFile, Path secretFile, Path passphraseFile, String token,
                           Long chainId, boolean batch, String sweeper, int batchSize) {

    public static final String USAGE = """
            usage: java -jar chaintill.jar sweep --server URL --store ID --method ETH-CHAIN|<SYMBOL>-ERC20|<ASSET>-<CHAIN>
                     --to 0xDESTINATION --rpc http://your-node:8545 [--gas-from-index N] [--execute]
                     [--api-key-file FILE] [--secret-file FILE] [--passphrase-file FILE]
                     [--token 0xCONTRACT] [--chain-id N] [--batch [--sweeper 0xSWEEPER] [--batch-size N]]
              The wallet secret (BIP39 mnemonic or account xprv at m/44'/60'/0') is read from stdin or
              --secret-file, never from an argument. The API key comes from CHAINTILL_API_KEY or --api-key-file.
              Without --execute nothing is sent: the plan is printed (dry run).
              --batch sweeps with EIP-7702 where the node supports it: one transaction from the gas account
              (--gas-from-index, required) per up to --batch-size addresses (default 100), no gas top-ups; the
              Sweeper contract is deployed by the gas account unless --sweeper names one. A node without
              EIP-7702 gets the top-up-then-transfer sweep instead.""";

    private static final Set<String> WITH_VALUE = Set.of("--server", "--store", "--method", "--to", "--rpc",
            "--gas-from-index", "--api-key-file", "--secret-file", "--passphrase-file", "--token", "--chain-id",
            "--sweeper", "--batch-size");
    private static final Set<String> FLAGS = Set.of("--execute", "--batch");
    private static final Pattern METHOD = Pattern.compile("ETH-CHAIN|[A-Z0-9]{2,10}-ERC20|[A-Z0-9]{2,10}-[A-Z0-9]{3,12}");
    private static final Set<String> NATIVE_COINS = Set.of("ETH", "POL");

    /**
     * Whether the method is a token, as far as its id tells (ETH-BASE and POL-POLYGON are native coins); the
     * server's own answer ({@link ServerChainInfo#nativeMethod}) wins where it gives one.
     */
    public boolean tokenSweep() {
        return !"ETH-CHAIN".equals(method) && !NATIVE_COINS.contains(tokenSymbol());
    }

    /** The asset of the method: the token symbol of {@code <SYMBOL>-ERC20}, the coin of {@code ETH-BASE}. */
    public String tokenSymbol() {
        return method.substring(0, method.indexOf('-'));
    }

    public static SweepOptions parse(List<String> args) {
        Map<String, String> values = values(args, WITH_VALUE, FLAGS);
        boolean execute = values.containsKey("--execute");
        boolean batch = values.containsKey("--batch");
        String method = method(values);
        Integer gasFromIndex = values.containsKey("--gas-from-index")
                ? index(values.get("--gas-from-index"), "--gas-from-index") : null;
        String token = values.containsKey("--token") ? EthereumAddress.parse(values.get("--token"), "--token") : null;
        if (token != null && nativeCoin(method)) {
            throw new SweepException("--token applies to token methods only");
        }
        if (!batch && (values.containsKey("--sweeper") || values.containsKey("--batch-size"))) {
            throw new SweepException((values.containsKey("--sweeper") ? "--sweeper" : "--batch-size")
                    + " applies to --batch only");
        }
        if (batch && gasFromIndex == null) {
            throw new SweepException("--batch needs --gas-from-index N: the wallet's address at m/44'/60'/0'/0/N pays the"
                    + " gas of the batch transactions (fund it with a little ether first)");
        }
        String sweeper = values.containsKey("--sweeper") ? EthereumAddress.parse(values.get("--sweeper"), "--sweeper") : null;
        int batchSize = values.containsKey("--batch-size") ? batchSize(values.get("--batch-size"))
                : BatchPlan.DEFAULT_BATCH_SIZE;
        return new SweepOptions(url(required(values, "--server"), "--server"), required(values, "--store"), method,
                EthereumAddress.parse(required(values, "--to"), "--to"), url(required(values, "--rpc"), "--rpc"),
                gasFromIndex, execute, path(values.get("--api-key-file")), path(values.get("--secret-file")),
                path(values.get("--passphrase-file")), token,
                values.containsKey("--chain-id") ? chainId(values.get("--chain-id")) : null, batch, sweeper, batchSize);
    }

    private static int batchSize(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= BatchPlan.MAX_BATCH_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SweepException("--batch-size: '" + value + "' is not a number of addresses from 1 to "
                + BatchPlan.MAX_BATCH_SIZE);
    }

    /**
     * The options as name -> value ("true" for a flag present), both {@code --name value} and {@code --name=value};
     * an unknown option, a missing value or an option given twice is refused with its name.
     */
    static Map<String, String> values(List<String> args, Set<String> withValue, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new SweepException(name + " takes no value");
                }
                values.put(name, "true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new SweepException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (values.put(name, value) != null) {
                    throw new SweepException(name + " is given twice");
                }
            } else {
                throw new SweepException(arg.startsWith("-") ? "unknown option " + name
                        : "unexpected argument " + (i + 1) + " (options are --name value)");
            }
        }
        return values;
    }

    static String method(Map<String, String> values) {
        String method = required(values, "--method").toUpperCase(Locale.ROOT);
        if (!METHOD.matcher(method).matches()) {
            throw new SweepException("--method: '" + values.get("--method") + "' is not ETH-CHAIN, <SYMBOL>-ERC20 or <ASSET>-<CHAIN> (e.g. USDT-ERC20, USDC-BASE)");
        }
        return method;
    }

    /** Native coins (ETH-CHAIN, ETH-BASE, POL-POLYGON) as far as the method id tells. */
    static boolean nativeCoin(String method) {
        return "ETH-CHAIN".equals(method) || NATIVE_COINS.contains(method.substring(0, method.indexOf('-')));
    }

    static String required(Map<String, String> values, String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new SweepException(name + " is required");
        }
        return v.strip();
    }

    static String url(String value, String option) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new SweepException(option + ": '" + value + "' is not an http(s) URL");
    }

    static int index(String value, String option) {
        try {
            int i = Integer.parseInt(value.strip());
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SweepException(option + ": '" + value + "' is not a derivation index (0, 1, 2 ...)");
    }

    static long chainId(String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SweepException("--chain-id: '" + value + "' is not a chain id (a positive number, e.g. 1)");
    }

    static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
