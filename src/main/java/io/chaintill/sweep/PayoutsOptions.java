package io.chaintill.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The payouts command line, checked like the sweep's ({@link SweepOptions}): secrets are never options, only the
 * files holding them.
 */
public record PayoutsOptions(String server, String storeId, String method, String rpc, int fromIndex, boolean execute,
                             Path apiKeyFile, Path secretFile, Path passphraseFile, String token, Long chainId,
                             Path journal) {

    public static final String USAGE = """
            usage: java -jar chaintill.jar payouts --server URL --store ID --method ETH-CHAIN|<SYMBOL>-ERC20|<ASSET>-<CHAIN>
                     --rpc http://your-node:8545 --from-index N [--execute] [--journal FILE]
                     [--api-key-file FILE] [--secret-file FILE] [--passphrase-file FILE]
                     [--token 0xCONTRACT] [--chain-id N]
              Pays the store's approved payouts of the method from the wallet's address m/44'/60'/0'/0/N.
              The wallet secret (BIP39 mnemonic or account xprv at m/44'/60'/0') is read from stdin or
              --secret-file, never from an argument. The API key (btcpay.store.canmanagepullpayments) comes from
              CHAINTILL_API_KEY or --api-key-file. Without --execute nothing is signed or sent: the plan is printed.
              Every signed transaction is written to the journal (default chaintill-payouts-<store>-<method>.journal)
              before it is sent, so a run after a crash sends that same transaction, never a second one.""";

    private static final Set<String> WITH_VALUE = Set.of("--server", "--store", "--method", "--rpc", "--from-index",
            "--api-key-file", "--secret-file", "--passphrase-file", "--token", "--chain-id", "--journal");
    private static final Set<String> FLAGS = Set.of("--execute");

    public boolean tokenPayout() {
        return !SweepOptions.nativeCoin(method);
    }

    public String asset() {
        return method.substring(0, method.indexOf('-'));
    }

    public static PayoutsOptions parse(List<String> args) {
        Map<String, String> values = SweepOptions.values(args, WITH_VALUE, FLAGS);
        String method = SweepOptions.method(values);
        String token = values.containsKey("--token") ? EthereumAddress.parse(values.get("--token"), "--token") : null;
        if (token != null && SweepOptions.nativeCoin(method)) {
            throw new SweepException("--token applies to token methods only");
        }
        String store = SweepOptions.required(values, "--store");
        if (store.length() > 100 || !store.matches("[A-Za-z0-9_-]+")) {
            throw new SweepException("--store: '" + store + "' is not a store id");
        }
        Path journal = values.containsKey("--journal") ? Path.of(values.get("--journal"))
                : Path.of("chaintill-payouts-" + store + "-" + method + ".journal");
        return new PayoutsOptions(SweepOptions.url(SweepOptions.required(values, "--server"), "--server"), store, method,
                SweepOptions.url(SweepOptions.required(values, "--rpc"), "--rpc"),
                SweepOptions.index(SweepOptions.required(values, "--from-index"), "--from-index"),
                values.containsKey("--execute"), SweepOptions.path(values.get("--api-key-file")),
                SweepOptions.path(values.get("--secret-file")), SweepOptions.path(values.get("--passphrase-file")), token,
                values.containsKey("--chain-id") ? SweepOptions.chainId(values.get("--chain-id")) : null, journal);
    }
}
