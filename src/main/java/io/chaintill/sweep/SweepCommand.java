package io.chaintill.sweep;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code java -jar chaintill.jar sweep ...}: moves what the store's deposit addresses hold to one destination,
 * signing on the merchant's machine with a secret the server never sees. Asks the server which addresses it
 * handed out, proves they are this wallet's, prices the sweep on the merchant's node, prints the plan, and
 * only with --execute signs and broadcasts. Exit status: 0 done (or dry run), 1 a transaction failed,
 * 2 refused before anything was sent.
 */
public final class SweepCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;
    private static final Duration RECEIPT_TIMEOUT = Duration.ofMinutes(5);

    private final InputStream stdin;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    SweepCommand(InputStream stdin, Console console, PrintStream out, PrintStream err, Map<String, String> env) {
        this.stdin = stdin;
        this.console = console;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(new SweepCommand(System.in, System.console(), System.out, System.err, System.getenv())
                .run(Arrays.asList(args)));
    }

    int run(List<String> args) {
        Optional<String> secretInArgs = SecretArgumentGuard.check(args);
        if (secretInArgs.isPresent()) {
            err.println("sweep: " + secretInArgs.get());
            return REFUSED;
        }
        if (args.contains("--help") || args.contains("-h")) {
            out.println(SweepOptions.USAGE);
            return OK;
        }
        SweepOptions options;
        try {
            options = SweepOptions.parse(args);
        } catch (SweepException e) {
            err.println("sweep: " + e.getMessage());
            err.println(SweepOptions.USAGE);
            return REFUSED;
        }
        try {
            return sweep(options);
        } catch (SweepException e) {
            err.println("sweep: " + e.getMessage());
            return REFUSED;
        } catch (RuntimeException e) {
            // a bug or an answer nobody foresaw: say what happened in one line; transactions may have been sent
            err.println("sweep: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "; run the dry run again to see what is left");
            return FAILED;
        }
    }

    private int sweep(SweepOptions o) {
        ChainTillClient server = new ChainTillClient(o.server(), apiKey(o));
        WalletSecret wallet = WalletSecret.parse(secret(o), passphrase(o));
        List<HandedOutAddress> handedOut = server.depositAddresses(o.storeId(), o.method());
        Optional<ServerChainInfo> chain = server.chainInfo(o.method());
        boolean tokenSweep = chain.map(c -> !c.nativeMethod().equals(o.method())).orElse(o.tokenSweep());
        try (EthereumNode node = new EthereumNode(o.rpc())) {
            long chainId = checkChainId(o, chain, node);
            String token = tokenSweep ? tokenContract(o, chain, node) : null;
            int decimals = tokenSweep ? node.tokenDecimals(token) : Units.ETHER_DECIMALS;
            String asset = o.tokenSymbol();
            out.printf("store %s, %s, chain %d, %d address%s handed out%n", o.storeId(), o.method(), chainId,
                    handedOut.size(), handedOut.size() == 1 ? "" : "es");
            SweepChecks.sameWallet(wallet, handedOut);
            // the batch empties every address of the chain's methods; the other ways only this method's
            List<HandedOutAddress> swept = o.batch() && chain.isPresent()
                    ? chainAddresses(server, o, chain.get(), wallet, handedOut) : handedOut;
            SweepPlan.GasAccount gas = null;
            if (tokenSweep || o.batch()) {
                if (o.gasFromIndex() == null) {
                    throw new SweepException("--gas-from-index is required for a token sweep: deposit addresses hold"
                            + " tokens but usually no ether for gas, so the wallet's address at m/44'/60'/0'/0/N (fund it"
                            + " with a little ether first) tops each one up with exactly its transfer's fee");
                }
                SweepChecks.gasAccount(o.gasFromIndex(), swept);
                String gasAddress = wallet.address(o.gasFromIndex());
                gas = new SweepPlan.GasAccount(o.gasFromIndex(), gasAddress, node.balance(gasAddress));
            }
            SweepChecks.destination(o.to(), swept, gas == null ? null : gas.address());
            if (!tokenSweep && node.hasCode(o.to())) {
                throw new SweepException("--to: " + o.to() + " is a contract; a plain 21000-gas ether transfer to it may"
                        + " fail, so the sweep only sends ether to an ordinary account address");
            }
            SweepExecutor executor = new SweepExecutor(node, wallet, chainId, RECEIPT_TIMEOUT, out);
            if (o.batch()) {
                Optional<String> refusal = SetCodeProbe.refusal(node, chainId, gas.address());
                if (refusal.isEmpty()) {
                    out.printf("way: EIP-7702 batch (the node accepts type-4 transactions): each deposit signs one"
                            + " authorization, the gas account sends one transaction per up to %d addresses, no top-ups%n",
                            o.batchSize());
                    return batch(o, node, wallet, chainId, swept, batchTokens(o, chain, node, token, decimals), gas,
                            executor);
                }
                out.println("way: " + (tokenSweep ? "top-up-then-transfer" : "one ether transfer per address")
                        + ", not the EIP-7702 batch: the node refused a type-4 transaction (" + refusal.get() + ")");
            }
            BigInteger gasPrice = node.gasPrice();
            SweepPlan plan = tokenSweep
                    ? SweepPlan.token(tokenBalances(node, token, o.to(), handedOut), gasPrice, gas)
                    : SweepPlan.ether(etherBalances(node, handedOut), gasPrice);
            new PlanPrinter(out, asset, decimals).print(plan, o.to());
            String problem = plan.problem();
            if (problem != null) {
                err.println("sweep: " + problem);
                return REFUSED;
            }
            if (!o.execute()) {
                out.println("dry run: nothing was signed or sent; run again with --execute to sweep");
                return OK;
            }
            if (plan.sending().isEmpty()) {
                return OK;
            }
            List<String> failures = tokenSweep
                    ? executor.sweepToken(plan, token, o.to(), decimals, asset)
                    : executor.sweepEther(plan, o.to());
            return finish(failures, Units.format(plan.totalToDestination(), decimals) + " " + asset, o.to());
        }
    }

    /** The EIP-7702 way: plan from live balances, print, and with --execute deploy/send/wait. */
    private int batch(SweepOptions o, EthereumNode node, WalletSecret wallet, long chainId,
                      List<HandedOutAddress> addresses, List<BatchPlan.Token> tokens, SweepPlan.GasAccount gas,
                      SweepExecutor executor) {
        BatchPlan plan = new BatchPlanner(node, wallet, chainId).plan(addresses, tokens, o.to(), gas, o.sweeper(),
                o.batchSize());
        new PlanPrinter(out, o.tokenSymbol(), Units.ETHER_DECIMALS).printBatch(plan, o.to());
        String problem = plan.problem();
        if (problem != null) {
            err.println("sweep: " + problem);
            return REFUSED;
        }
        if (!o.execute()) {
            out.println("dry run: nothing was sent (the authorizations were signed only for the node's gas estimate and"
                    + " dropped); run again with --execute to sweep");
            return OK;
        }
        if (plan.batches().isEmpty()) {
            return OK;
        }
        List<String> failures = executor.sweepBatch(plan, o.to());
        return finish(failures, PlanPrinter.assets(plan.tokens(), plan.totalTokens(), plan.totalEther()), o.to());
    }

    /**
     * The addresses a batch sweep empties: ether and every token of a chain share one derivation counter, so the
     * addresses handed out for the chain's other methods (its native coin, each token) are taken along, for a stray
     * token or ether on any of them. A method the store does not have is skipped; so are addresses of another wallet
     * (a method configured with another account key), with a note.
     */
    private List<HandedOutAddress> chainAddresses(ChainTillClient server, SweepOptions o, ServerChainInfo chain,
                                                  WalletSecret wallet, List<HandedOutAddress> handedOut) {
        Map<Integer, HandedOutAddress> byIndex = new TreeMap<>();
        handedOut.forEach(a -> byIndex.put(a.index(), a));
        List<String> methods = new ArrayList<>();
        methods.add(chain.nativeMethod());
        methods.addAll(chain.tokenContracts().keySet());
        List<String> taken = new ArrayList<>();
        for (String method : methods) {
            if (method.equals(o.method())) {
                continue;
            }
            List<HandedOutAddress> listed = server.depositAddressesIfConfigured(o.storeId(), method);
            if (listed.isEmpty()) {
                continue;
            }
            int other = 0;
            for (HandedOutAddress a : listed) {
                if (a.index() < 0 || a.address() == null || !EthereumAddress.same(wallet.address(a.index()), a.address())) {
                    other++;
                } else {
                    byIndex.putIfAbsent(a.index(), a);
                }
            }
            taken.add(method);
            if (other > 0) {
                out.printf("%s: %d address%s of another wallet (another account key), not swept%n", method, other,
                        other == 1 ? "" : "es");
            }
        }
        List<HandedOutAddress> all = new ArrayList<>(byIndex.values());
        if (!taken.isEmpty()) {
            out.printf("batch: %d addresses handed out for %s and %s%n", all.size(), o.method(), String.join(", ", taken));
        }
        return all;
    }

    /** Every token of the chain the server lists (the --method's own checked as before), or the --token given. */
    private static List<BatchPlan.Token> batchTokens(SweepOptions o, Optional<ServerChainInfo> chain, EthereumNode node,
                                                     String methodToken, int methodDecimals) {
        List<BatchPlan.Token> tokens = new ArrayList<>();
        if (chain.isPresent()) {
            for (Map.Entry<String, String> t : chain.get().tokenContracts().entrySet()) {
                String contract = EthereumAddress.parse(t.getValue(), "the server's " + t.getKey() + " contract");
                String symbol = t.getKey().substring(0, Math.max(0, t.getKey().indexOf('-')));
                tokens.add(new BatchPlan.Token(contract, symbol.isEmpty() ? t.getKey() : symbol,
                        methodToken != null && EthereumAddress.same(contract, methodToken) ? methodDecimals
                                : node.tokenDecimals(contract)));
            }
        }
        if (methodToken != null && tokens.stream().noneMatch(t -> EthereumAddress.same(t.contract(), methodToken))) {
            tokens.add(new BatchPlan.Token(methodToken, o.tokenSymbol(), methodDecimals));
        }
        return tokens;
    }

    private int finish(List<String> failures, String total, String to) {
        if (!failures.isEmpty()) {
            failures.forEach(f -> err.println("sweep: FAILED " + f));
            err.println("sweep: " + failures.size() + " failure" + (failures.size() == 1 ? "" : "s")
                    + "; run the dry run again to see what is left");
            return FAILED;
        }
        out.printf("done: %s sent to %s%n", total, to);
        return OK;
    }

    private long checkChainId(SweepOptions o, Optional<ServerChainInfo> chain, EthereumNode node) {
        Long expected = chain.map(ServerChainInfo::chainId).orElse(o.chainId());
        if (expected == null) {
            throw new SweepException("cannot learn the server's Ethereum chain id: server/info did not answer it"
                    + " (the server has no Ethereum configured?); pass --chain-id");
        }
        if (o.chainId() != null && !o.chainId().equals(expected)) {
            throw new SweepException("--chain-id " + o.chainId() + " differs from the server's chain id " + expected);
        }
        long actual = node.chainId();
        if (actual != expected) {
            throw new SweepException("the node at --rpc runs chain " + actual + " but the store's payments are on chain "
                    + expected + ": point --rpc at a node of chain " + expected);
        }
        return actual;
    }

    /** USDT0 contracts (Arbitrum, Polygon, OP) call themselves USD₮0 and are USDT-... methods. */
    static boolean sameSymbol(String onChain, String method) {
        String s = onChain.toUpperCase(Locale.ROOT).replace('₮', 'T');
        return s.equals(method) || (s.endsWith("0") && s.substring(0, s.length() - 1).equals(method));
    }

    private String tokenContract(SweepOptions o, Optional<ServerChainInfo> chain, EthereumNode node) {
        String fromServer = chain.map(c -> c.tokenContracts().get(o.method())).orElse(null);
        if (fromServer == null && chain.isPresent() && o.token() == null) {
            throw new SweepException("--method: the server does not accept " + o.method() + " (its tokens: "
                    + String.join(", ", chain.get().tokenContracts().keySet()) + ")");
        }
        if (fromServer != null && o.token() != null && !EthereumAddress.same(fromServer, o.token())) {
            throw new SweepException("--token " + o.token() + " differs from the contract the server uses for "
                    + o.method() + " (" + fromServer + ")");
        }
        String token = fromServer != null ? EthereumAddress.parse(fromServer, "the server's token contract") : o.token();
        if (token == null) {
            throw new SweepException("cannot learn the " + o.method() + " contract from the server (server/info did not"
                    + " answer it); pass --token 0xCONTRACT");
        }
        Optional<String> symbol = node.tokenSymbol(token);
        if (symbol.isPresent() && !sameSymbol(symbol.get(), o.tokenSymbol())) {
            throw new SweepException("the contract " + token + " calls itself " + symbol.get() + ", not "
                    + o.tokenSymbol() + ": wrong --token or --rpc chain?");
        }
        return token;
    }

    private static List<DepositBalance> etherBalances(EthereumNode node, List<HandedOutAddress> handedOut) {
        List<DepositBalance> out = new ArrayList<>();
        for (HandedOutAddress a : handedOut) {
            out.add(DepositBalance.ether(a.index(), a.address(), node.balance(a.address())));
        }
        return out;
    }

    private static List<DepositBalance> tokenBalances(EthereumNode node, String token, String to,
                                                      List<HandedOutAddress> handedOut) {
        List<DepositBalance> out = new ArrayList<>();
        for (HandedOutAddress a : handedOut) {
            BigInteger units = node.tokenBalance(token, a.address());
            if (units.signum() == 0) {
                continue;
            }
            out.add(DepositBalance.token(a.index(), a.address(), node.balance(a.address()), units,
                    node.estimateTransferGas(token, a.address(), to, units)));
        }
        return out;
    }

    private CommandInputs inputs() {
        return new CommandInputs("sweep", stdin, console, err, env);
    }

    private String apiKey(SweepOptions o) {
        return inputs().apiKey(o.apiKeyFile(), "btcpay.store.canviewstoresettings");
    }

    private String secret(SweepOptions o) {
        return inputs().secret(o.secretFile());
    }

    private String passphrase(SweepOptions o) {
        return inputs().passphrase(o.passphraseFile());
    }
}
