package io.chaintill.sweep;

import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Signs the plan's transactions here (legacy type-0 transactions with EIP-155 replay protection, which cost
 * exactly gasUsed * gasPrice) and broadcasts them through the node, then waits for every receipt. A failed
 * address does not stop the others; the failures are returned for the exit status.
 */
final class SweepExecutor {
    private final EthereumNode node;
    private final WalletSecret wallet;
    private final long chainId;
    private final Duration receiptTimeout;
    private final PrintStream out;

    SweepExecutor(EthereumNode node, WalletSecret wallet, long chainId, Duration receiptTimeout, PrintStream out) {
        this.node = node;
        this.wallet = wallet;
        this.chainId = chainId;
        this.receiptTimeout = receiptTimeout;
        this.out = out;
    }

    /** Sends each address's ether minus its fee to {@code to}; returns the failures (empty on success). */
    List<String> sweepEther(SweepPlan plan, String to) {
        Map<SweepItem, String> sent = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (SweepItem item : plan.sending()) {
            try {
                RawTransaction tx = RawTransaction.createEtherTransaction(node.nonce(item.address()), plan.gasPrice(),
                        item.gasLimit(), to, item.amount());
                sent.put(item, broadcast(tx, item.index()));
            } catch (SweepException e) {
                failures.add("index " + item.index() + " (" + item.address() + "): " + e.getMessage());
            }
        }
        sent.forEach((item, hash) -> confirm(hash, "index " + item.index() + ": sent " + Units.ether(item.amount())
                + " ETH", failures));
        return failures;
    }

    /** Tops up gas from the gas account, waits for it, then moves every token balance to {@code to}. */
    List<String> sweepToken(SweepPlan plan, String token, String to, int tokenDecimals, String symbol) {
        List<String> failures = new ArrayList<>();
        SweepPlan.GasAccount gas = plan.gasAccount();
        Map<SweepItem, String> topUps = new LinkedHashMap<>();
        if (plan.topUpCount() > 0) {
            BigInteger nonce = node.nonce(gas.address());
            for (SweepItem item : plan.sending()) {
                if (item.topUp().signum() == 0) {
                    continue;
                }
                try {
                    RawTransaction tx = RawTransaction.createEtherTransaction(nonce, plan.gasPrice(),
                            SweepPlan.TRANSFER_GAS, item.address(), item.topUp());
                    topUps.put(item, broadcast(tx, gas.index()));
                    nonce = nonce.add(BigInteger.ONE);
                } catch (SweepException e) {
                    failures.add("top-up of index " + item.index() + " (" + item.address() + "): " + e.getMessage());
                    break; // later nonces would not be valid without this one
                }
            }
        }
        Set<SweepItem> funded = new HashSet<>();
        topUps.forEach((item, hash) -> {
            if (confirm(hash, "top-up of index " + item.index() + ": sent " + Units.ether(item.topUp()) + " ETH for gas",
                    failures) != null) {
                funded.add(item);
            }
        });
        Map<SweepItem, String> transfers = new LinkedHashMap<>();
        for (SweepItem item : plan.sending()) {
            if (item.topUp().signum() > 0 && !funded.contains(item)) {
                failures.add("index " + item.index() + " (" + item.address() + "): not swept, its gas top-up did not arrive");
                continue;
            }
            try {
                RawTransaction tx = RawTransaction.createTransaction(node.nonce(item.address()), plan.gasPrice(),
                        item.gasLimit(), token, Erc20Calls.encode(Erc20Calls.transfer(to, item.amount())));
                transfers.put(item, broadcast(tx, item.index()));
            } catch (SweepException e) {
                failures.add("index " + item.index() + " (" + item.address() + "): " + e.getMessage());
            }
        }
        transfers.forEach((item, hash) -> confirm(hash, "index " + item.index() + ": sent "
                + Units.format(item.amount(), tokenDecimals) + " " + symbol, failures));
        return failures;
    }

    /**
     * The EIP-7702 batch: deploys the sweeper if the plan says so (and waits for it), then sends one transaction per
     * batch from the gas account carrying the deposits' authorizations, and waits for every receipt.
     */
    List<String> sweepBatch(BatchPlan plan, String to) {
        List<String> failures = new ArrayList<>();
        SweepPlan.GasAccount gas = plan.gasAccount();
        BatchPlan.Fees fees = plan.fees();
        BigInteger nonce = node.nonce(gas.address());
        String sweeper = plan.sweeper().address();
        if (plan.sweeper().deploy()) {
            try {
                RawTransaction tx = RawTransaction.createContractTransaction(nonce, fees.gasPrice(),
                        BatchPlan.withMargin(plan.sweeper().deployGas()), BigInteger.ZERO, SweeperContract.creationCode(to));
                TransactionReceipt receipt = confirm(broadcast(tx, gas.index()), "deployed the Sweeper for " + to, failures);
                if (receipt == null) {
                    return failures;
                }
                sweeper = EthereumAddress.parse(receipt.getContractAddress(), "the deployed Sweeper");
                out.println("sweeper: " + sweeper + " (pass --sweeper " + sweeper + " next time to reuse it)");
                nonce = nonce.add(BigInteger.ONE);
            } catch (SweepException e) {
                failures.add("deploying the Sweeper: " + e.getMessage());
                return failures;
            }
        }
        Credentials gasKey = wallet.credentials(gas.index());
        Map<BatchPlan.Batch, String> sent = new LinkedHashMap<>();
        for (BatchPlan.Batch batch : plan.batches()) {
            String data = SweeperContract.sweepAll(batch.deposits().stream().map(BatchDeposit::address).toList(),
                    batch.tokens());
            List<SetCodeTransaction.Authorization> auths = DepositAuthorizations.sign(wallet, chainId, sweeper,
                    batch.deposits());
            String raw;
            if (auths.isEmpty()) { // every deposit delegates already: a plain EIP-1559 call does it
                RawTransaction tx = RawTransaction.createTransaction(chainId, nonce, batch.gasLimit(), sweeper,
                        BigInteger.ZERO, data, fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
                raw = Numeric.toHexString(TransactionEncoder.signMessage(tx, gasKey));
            } else {
                raw = SetCodeTransaction.sign(new SetCodeTransaction.Fields(chainId, nonce, fees.maxPriorityFeePerGas(),
                        fees.maxFeePerGas(), batch.gasLimit(), sweeper, BigInteger.ZERO, Numeric.hexStringToByteArray(data),
                        auths), gasKey);
            }
            try {
                sent.put(batch, node.broadcast(raw));
                nonce = nonce.add(BigInteger.ONE);
            } catch (SweepException e) {
                failures.add("batch of " + describe(batch) + ": " + e.getMessage());
                break; // later nonces would not be valid without this one
            }
        }
        int n = 0;
        for (Map.Entry<BatchPlan.Batch, String> e : sent.entrySet()) {
            BatchPlan.Batch b = e.getKey();
            Map<String, BigInteger> units = new LinkedHashMap<>();
            b.tokens().forEach(t -> units.put(t, b.total(t)));
            confirm(e.getValue(), "batch " + (++n) + ": swept " + describe(b) + ", "
                    + PlanPrinter.assets(plan.tokens(), units, b.totalEther()), failures);
        }
        return failures;
    }

    private static String describe(BatchPlan.Batch batch) {
        List<BatchDeposit> d = batch.deposits();
        return d.size() + " address" + (d.size() == 1 ? "" : "es") + " (index " + d.get(0).index()
                + (d.size() > 1 ? ".." + d.get(d.size() - 1).index() : "") + ")";
    }

    private String broadcast(RawTransaction tx, int signerIndex) {
        Credentials key = wallet.credentials(signerIndex);
        byte[] signed = TransactionEncoder.signMessage(tx, chainId, key);
        return node.broadcast(Numeric.toHexString(signed));
    }

    /** Waits for the receipt; prints success and returns it, or records the failure and returns null. */
    private TransactionReceipt confirm(String hash, String what, List<String> failures) {
        try {
            TransactionReceipt receipt = node.awaitReceipt(hash, receiptTimeout);
            if (receipt.isStatusOK()) {
                out.println(what + " in " + hash + " (block " + receipt.getBlockNumber() + ", gas used "
                        + receipt.getGasUsed() + ")");
                return receipt;
            }
            failures.add(what + ": transaction " + hash + " reverted");
        } catch (SweepException e) {
            failures.add(what + ": " + e.getMessage());
        }
        return null;
    }
}
