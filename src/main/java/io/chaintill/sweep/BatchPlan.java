package io.chaintill.sweep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of an EIP-7702 batch sweep, without I/O: the deposits in transactions of at most {@code batchSize}
 * addresses (each one type-4 transaction from the gas account calling the sweeper's sweepAll), their estimated gas,
 * the sweeper deployment if one is needed, and what the gas account must hold. Every deposit sends its whole balance
 * of every token it holds and all its ether: nothing is spent from a deposit, so the totals arrive exactly.
 */
public final class BatchPlan {
    /** Upper bound on addresses per transaction: ~40k gas each keeps a full batch far below any block's gas limit. */
    public static final int MAX_BATCH_SIZE = 500;
    public static final int DEFAULT_BATCH_SIZE = 100;

    /** The sweeper to delegate to; {@code deployGas} is null when it exists, else the estimate of deploying it. */
    public record Sweeper(String address, BigInteger deployGas) {
        public boolean deploy() {
            return deployGas != null;
        }
    }

    /** The fee fields of the plan's transactions: gasPrice prices the estimate, maxFee and tip go into type-4 fields. */
    public record Fees(BigInteger gasPrice, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
        /** Twice the node's gas price as the cap (room for the base fee to rise), the node's tip, never above the cap. */
        public static Fees of(BigInteger gasPrice, BigInteger suggestedTip) {
            if (gasPrice == null || gasPrice.signum() <= 0) {
                throw new SweepException("the node reported a gas price of " + gasPrice + " wei: cannot price the transactions");
            }
            BigInteger cap = gasPrice.multiply(BigInteger.TWO);
            return new Fees(gasPrice, cap, suggestedTip.max(BigInteger.ZERO).min(cap));
        }
    }

    /** A token the plan moves: its contract, symbol (from the payment method id) and decimals, for printing. */
    public record Token(String contract, String symbol, int decimals) {
    }

    /** One sweep transaction: its deposits and the node's gas estimate. */
    public record Batch(List<BatchDeposit> deposits, BigInteger estimatedGas) {
        public Batch {
            deposits = List.copyOf(deposits);
        }

        /** The token list its sweepAll call carries: every contract one of its deposits holds, nothing more. */
        public List<String> tokens() {
            return tokensHeld(deposits);
        }

        /** Units of {@code contract} its deposits send. */
        public BigInteger total(String contract) {
            return deposits.stream().map(d -> d.tokens(contract)).reduce(BigInteger.ZERO, BigInteger::add);
        }

        public BigInteger totalEther() {
            return deposits.stream().map(BatchDeposit::ether).reduce(BigInteger.ZERO, BigInteger::add);
        }

        /** A fifth over the estimate: unused gas is not charged, a too-low limit would revert the whole batch. */
        public BigInteger gasLimit() {
            return withMargin(estimatedGas);
        }

        public long authorizations() {
            return deposits.stream().filter(d -> !d.delegated()).count();
        }
    }

    private final Sweeper sweeper;
    private final Fees fees;
    private final List<Batch> batches;
    private final SweepPlan.GasAccount gasAccount;
    private final List<Token> tokens;

    /** {@code tokens}: the chain's tokens the sweep looked for; the plan keeps those some deposit of it holds. */
    public BatchPlan(Sweeper sweeper, Fees fees, List<Batch> batches, SweepPlan.GasAccount gasAccount, List<Token> tokens) {
        this.sweeper = sweeper;
        this.fees = fees;
        this.batches = List.copyOf(batches);
        this.gasAccount = gasAccount;
        List<String> held = tokensHeld(deposits());
        this.tokens = tokens.stream().filter(t -> held.contains(t.contract())).toList();
    }

    /** Every token contract one of {@code deposits} holds, in the order of their balance maps (the chain's order). */
    public static List<String> tokensHeld(List<BatchDeposit> deposits) {
        LinkedHashSet<String> held = new LinkedHashSet<>();
        deposits.forEach(d -> held.addAll(d.heldTokens()));
        return List.copyOf(held);
    }

    /** The deposits that hold something, in order, cut into transactions of at most {@code batchSize}. */
    public static List<List<BatchDeposit>> chunks(List<BatchDeposit> deposits, int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batch size " + batchSize + " outside 1.." + MAX_BATCH_SIZE);
        }
        List<List<BatchDeposit>> out = new ArrayList<>();
        List<BatchDeposit> current = new ArrayList<>();
        for (BatchDeposit d : deposits) {
            if (d.empty()) {
                continue;
            }
            current.add(d);
            if (current.size() == batchSize) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    static BigInteger withMargin(BigInteger gas) {
        return gas.add(gas.divide(BigInteger.valueOf(5)));
    }

    public Sweeper sweeper() {
        return sweeper;
    }

    public Fees fees() {
        return fees;
    }

    public List<Batch> batches() {
        return batches;
    }

    public SweepPlan.GasAccount gasAccount() {
        return gasAccount;
    }

    public List<BatchDeposit> deposits() {
        return batches.stream().flatMap(b -> b.deposits().stream()).toList();
    }

    /** The tokens that move, in the chain's order. */
    public List<Token> tokens() {
        return tokens;
    }

    /** Units of each moving token that reach the destination, by contract, in {@link #tokens()} order. */
    public Map<String, BigInteger> totalTokens() {
        Map<String, BigInteger> totals = new LinkedHashMap<>();
        for (Token t : tokens) {
            totals.put(t.contract(), batches.stream().map(b -> b.total(t.contract())).reduce(BigInteger.ZERO, BigInteger::add));
        }
        return totals;
    }

    public BigInteger totalEther() {
        return deposits().stream().map(BatchDeposit::ether).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Every transaction the gas account sends: one per batch and the sweeper's deployment, if any. */
    public int transactionCount() {
        return batches.size() + (sweeper.deploy() ? 1 : 0);
    }

    /** Gas of everything, as estimated. */
    public BigInteger estimatedGas() {
        BigInteger gas = batches.stream().map(Batch::estimatedGas).reduce(BigInteger.ZERO, BigInteger::add);
        return sweeper.deploy() ? gas.add(sweeper.deployGas()) : gas;
    }

    /** Fees at the node's gas price, all paid by the gas account. */
    public BigInteger estimatedFees() {
        return estimatedGas().multiply(fees.gasPrice());
    }

    /**
     * What the gas account must hold: every transaction's gas limit at its maximum fee per gas (a node accepts a
     * transaction only if its sender can pay that), although only the gas used at the block's price is charged.
     */
    public BigInteger gasAccountNeeds() {
        BigInteger limits = batches.stream().map(Batch::gasLimit).reduce(BigInteger.ZERO, BigInteger::add);
        if (sweeper.deploy()) {
            limits = limits.add(withMargin(sweeper.deployGas()));
        }
        return limits.multiply(fees.maxFeePerGas());
    }

    /** Why the plan cannot run as it stands (the gas account too poor), or null. */
    public String problem() {
        if (batches.isEmpty()) {
            return null;
        }
        BigInteger needs = gasAccountNeeds();
        if (gasAccount.balance().compareTo(needs) < 0) {
            return "the gas account (index " + gasAccount.index() + ", " + gasAccount.address() + ") holds "
                    + gasAccount.balance() + " wei but the batch sweep may cost up to " + needs + " wei: send it at least "
                    + needs.subtract(gasAccount.balance()) + " wei more";
        }
        return null;
    }
}
