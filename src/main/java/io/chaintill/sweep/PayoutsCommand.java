package io.chaintill.sweep;

import io.chaintill.sweep.ChainTillClient.RemotePayout;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * {@code java -jar chaintill.jar payouts ...}: pays a store's approved Ether or token payouts from the merchant's
 * wallet, signing on the merchant's machine like the sweep (same secret handling and refusals). Asks the server
 * for the payouts awaiting payment, skips every one already InProgress or carrying a payment proof, prices the rest
 * on the merchant's node and prints the plan; with --execute signs each transfer, writes it to the journal,
 * broadcasts it, waits for its receipt and records the transaction hash on the server as the payout's payment proof
 * (Greenfield's mark to InProgress). The server then confirms it on chain like any payment to the destination.
 * Exit status: 0 done (or dry run), 1 a payout failed, 2 refused before anything was sent.
 */
public final class PayoutsCommand {
    private static final Duration RECEIPT_TIMEOUT = Duration.ofMinutes(5);

    private final InputStream stdin;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    PayoutsCommand(InputStream stdin, Console console, PrintStream out, PrintStream err, Map<String, String> env) {
        this.stdin = stdin;
        this.console = console;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(new PayoutsCommand(System.in, System.console(), System.out, System.err, System.getenv())
                .run(Arrays.asList(args)));
    }

    /** A payout to pay now, priced. */
    private record Item(String payoutId, String destination, BigInteger units, BigInteger gasLimit) {
    }

    int run(List<String> args) {
        Optional<String> secretInArgs = SecretArgumentGuard.check(args);
        if (secretInArgs.isPresent()) {
            err.println("payouts: " + secretInArgs.get());
            return SweepCommand.REFUSED;
        }
        if (args.contains("--help") || args.contains("-h")) {
            out.println(PayoutsOptions.USAGE);
            return SweepCommand.OK;
        }
        PayoutsOptions options;
        try {
            options = PayoutsOptions.parse(args);
        } catch (SweepException e) {
            err.println("payouts: " + e.getMessage());
            err.println(PayoutsOptions.USAGE);
            return SweepCommand.REFUSED;
        }
        try {
            return pay(options);
        } catch (SweepException e) {
            err.println("payouts: " + e.getMessage());
            return SweepCommand.REFUSED;
        } catch (RuntimeException e) {
            err.println("payouts: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "; run the dry run again to see what is left (the journal keeps what was sent)");
            return SweepCommand.FAILED;
        }
    }

    private int pay(PayoutsOptions o) {
        CommandInputs inputs = new CommandInputs("payouts", stdin, console, err, env);
        ChainTillClient server = new ChainTillClient(o.server(), inputs.apiKey(o.apiKeyFile(),
                "btcpay.store.canmanagepullpayments"));
        WalletSecret wallet = WalletSecret.parse(inputs.secret(o.secretFile()), inputs.passphrase(o.passphraseFile()));
        List<RemotePayout> payouts = server.payouts(o.storeId()).stream()
                .filter(p -> o.method().equalsIgnoreCase(p.payoutMethodId())).toList();
        Optional<ServerChainInfo> chain = server.chainInfo(o.method());
        boolean tokenPayout = chain.map(c -> !c.nativeMethod().equals(o.method())).orElse(o.tokenPayout());
        PayoutJournal journal = PayoutJournal.open(o.journal());
        try (EthereumNode node = new EthereumNode(o.rpc())) {
            long chainId = chainId(o, chain, node);
            String token = tokenPayout ? tokenContract(o, chain, node) : null;
            int decimals = tokenPayout ? node.tokenDecimals(token) : Units.ETHER_DECIMALS;
            String from = wallet.address(o.fromIndex());
            out.printf("store %s, %s, chain %d, paying from index %d (%s)%n", o.storeId(), o.method(), chainId,
                    o.fromIndex(), from);

            List<PayoutJournal.Entry> sentBefore = new ArrayList<>();
            List<RemotePayout> toPay = new ArrayList<>();
            for (RemotePayout p : payouts) {
                if (p.proofTransaction() != null || !"AwaitingPayment".equals(p.state())) {
                    out.printf("payout %s: skipped, %s%s%n", p.id(), p.state(),
                            p.proofTransaction() == null ? "" : " (paid by " + p.proofTransaction() + ")");
                    continue;
                }
                Optional<PayoutJournal.Entry> journaled = journal.of(p.id());
                Optional<TransactionReceipt> receipt = journaled.flatMap(e -> node.receipt(e.hash()));
                if (journaled.isPresent() && (receipt.isEmpty() || receipt.get().isStatusOK())) {
                    out.printf("payout %s: sent before in %s (journal); not paid again, only recorded%n", p.id(),
                            journaled.get().hash());
                    sentBefore.add(journaled.get());
                } else {
                    toPay.add(p);
                }
            }
            BigInteger gasPrice = node.gasPrice();
            List<Item> items = new ArrayList<>();
            for (RemotePayout p : toPay) {
                String to = EthereumAddress.parse(p.destination(), "the destination of payout " + p.id());
                BigInteger units = units(p, decimals);
                BigInteger gas = tokenPayout ? node.estimateTransferGas(token, from, to, units)
                        : node.estimateEtherGas(from, to, units);
                items.add(new Item(p.id(), to, units, gas));
                out.printf("payout %s: %s %s to %s, fee %s ETH%n", p.id(), Units.format(units, decimals), o.asset(), to,
                        Units.ether(gas.multiply(gasPrice)));
            }
            BigInteger total = items.stream().map(Item::units).reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger fees = items.stream().map(i -> i.gasLimit().multiply(gasPrice)).reduce(BigInteger.ZERO, BigInteger::add);
            out.printf("total: %s %s in %d transaction%s, fees %s ETH%n", Units.format(total, decimals), o.asset(),
                    items.size(), items.size() == 1 ? "" : "s", Units.ether(fees));
            String problem = shortfall(node, from, token, total, fees, decimals, o.asset());
            if (problem != null) {
                err.println("payouts: " + problem);
                return SweepCommand.REFUSED;
            }
            if (!o.execute()) {
                out.println("dry run: nothing was signed or sent; run again with --execute to pay");
                return SweepCommand.OK;
            }
            List<String> failures = new ArrayList<>();
            Map<String, String> awaiting = new LinkedHashMap<>();
            for (PayoutJournal.Entry e : sentBefore) {
                if (!node.knowsTransaction(e.hash())) {
                    try {
                        node.broadcast(e.signedHex()); // the same signed transaction: at most one payment
                        out.printf("payout %s: journaled transaction %s sent again%n", e.payoutId(), e.hash());
                    } catch (SweepException ex) {
                        failures.add("payout " + e.payoutId() + ": its journaled transaction " + e.hash()
                                + " cannot be sent again (" + ex.getMessage() + "); check the wallet before paying it another way");
                        continue;
                    }
                }
                awaiting.put(e.payoutId(), e.hash());
            }
            BigInteger nonce = node.nonce(from);
            for (Item item : items) {
                RawTransaction tx = tokenPayout
                        ? RawTransaction.createTransaction(nonce, gasPrice, item.gasLimit(), token,
                                Erc20Calls.encode(Erc20Calls.transfer(item.destination(), item.units())))
                        : RawTransaction.createEtherTransaction(nonce, gasPrice, item.gasLimit(), item.destination(),
                                item.units());
                byte[] signed = TransactionEncoder.signMessage(tx, chainId, wallet.credentials(o.fromIndex()));
                String hex = Numeric.toHexString(signed);
                String hash = Numeric.toHexString(Hash.sha3(signed));
                journal.append(new PayoutJournal.Entry(item.payoutId(), hash, hex));
                try {
                    node.broadcast(hex);
                } catch (SweepException e) {
                    failures.add("payout " + item.payoutId() + ": " + e.getMessage());
                    break; // the nonce was not used: later transactions would wait behind a gap
                }
                awaiting.put(item.payoutId(), hash);
                nonce = nonce.add(BigInteger.ONE);
            }
            awaiting.forEach((payoutId, hash) -> record(node, server, payoutId, hash, failures));
            if (!failures.isEmpty()) {
                failures.forEach(f -> err.println("payouts: FAILED " + f));
                err.println("payouts: " + failures.size() + " failure" + (failures.size() == 1 ? "" : "s")
                        + "; run the dry run again to see what is left");
                return SweepCommand.FAILED;
            }
            out.printf("done: %d payout%s paid%n", awaiting.size(), awaiting.size() == 1 ? "" : "s");
            return SweepCommand.OK;
        }
    }

    /** Waits for the receipt, then records the transaction as the payout's payment proof on the server. */
    private void record(EthereumNode node, ChainTillClient server, String payoutId, String hash, List<String> failures) {
        TransactionReceipt receipt;
        try {
            receipt = node.awaitReceipt(hash, RECEIPT_TIMEOUT);
        } catch (SweepException e) {
            failures.add("payout " + payoutId + ": " + e.getMessage());
            return;
        }
        if (!receipt.isStatusOK()) {
            failures.add("payout " + payoutId + ": transaction " + hash + " reverted; it paid nothing");
            return;
        }
        Optional<String> refused = server.markInProgress(payoutId, hash);
        if (refused.isPresent()) {
            failures.add("payout " + payoutId + ": paid in " + hash + " but the server refused the proof: " + refused.get());
            return;
        }
        out.printf("payout %s: paid in %s (block %s), recorded on the server%n", payoutId, hash, receipt.getBlockNumber());
    }

    private static BigInteger units(RemotePayout p, int decimals) {
        try {
            BigInteger units = new BigDecimal(p.payoutAmount()).movePointRight(decimals).toBigIntegerExact();
            if (units.signum() > 0) {
                return units;
            }
        } catch (ArithmeticException | NullPointerException | NumberFormatException e) {
            // reported below
        }
        throw new SweepException("payout " + p.id() + ": payoutAmount '" + p.payoutAmount() + "' is not a positive amount"
                + " with at most " + decimals + " decimals");
    }

    /** Why the paying address cannot pay the plan, or null. */
    private static String shortfall(EthereumNode node, String from, String token, BigInteger total, BigInteger fees,
                                    int decimals, String asset) {
        BigInteger ether = node.balance(from);
        if (token == null) {
            BigInteger needed = total.add(fees);
            return ether.compareTo(needed) >= 0 ? null : from + " holds " + Units.ether(ether) + " ETH but the payouts"
                    + " and their fees need " + Units.ether(needed) + " ETH: fund it with "
                    + Units.ether(needed.subtract(ether)) + " ETH more; nothing was sent";
        }
        BigInteger held = node.tokenBalance(token, from);
        if (held.compareTo(total) < 0) {
            return from + " holds " + Units.format(held, decimals) + " " + asset + " but the payouts need "
                    + Units.format(total, decimals) + " " + asset + "; nothing was sent";
        }
        return ether.compareTo(fees) >= 0 ? null : from + " holds " + Units.ether(ether) + " ETH but the fees need "
                + Units.ether(fees) + " ETH; nothing was sent";
    }

    private static long chainId(PayoutsOptions o, Optional<ServerChainInfo> chain, EthereumNode node) {
        Long expected = chain.map(ServerChainInfo::chainId).orElse(o.chainId());
        if (expected == null) {
            throw new SweepException("cannot learn the server's chain id for " + o.method() + " from server/info; pass --chain-id");
        }
        if (o.chainId() != null && !o.chainId().equals(expected)) {
            throw new SweepException("--chain-id " + o.chainId() + " differs from the server's chain id " + expected);
        }
        long actual = node.chainId();
        if (actual != expected) {
            throw new SweepException("the node at --rpc runs chain " + actual + " but the store's " + o.method()
                    + " payouts are on chain " + expected + ": point --rpc at a node of chain " + expected);
        }
        return actual;
    }

    private static String tokenContract(PayoutsOptions o, Optional<ServerChainInfo> chain, EthereumNode node) {
        String fromServer = chain.map(c -> c.tokenContracts().get(o.method())).orElse(null);
        if (fromServer != null && o.token() != null && !EthereumAddress.same(fromServer, o.token())) {
            throw new SweepException("--token " + o.token() + " differs from the contract the server uses for "
                    + o.method() + " (" + fromServer + ")");
        }
        String token = fromServer != null ? EthereumAddress.parse(fromServer, "the server's token contract") : o.token();
        if (token == null) {
            throw new SweepException("cannot learn the " + o.method() + " contract from the server; pass --token 0xCONTRACT");
        }
        Optional<String> symbol = node.tokenSymbol(token);
        if (symbol.isPresent() && !SweepCommand.sameSymbol(symbol.get(), o.asset())) {
            throw new SweepException("the contract " + token + " calls itself " + symbol.get() + ", not " + o.asset()
                    + ": wrong --token or --rpc chain?");
        }
        return token;
    }
}
