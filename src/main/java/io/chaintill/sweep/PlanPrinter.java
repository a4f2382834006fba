package io.chaintill.sweep;

import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints a sweep plan as a table with totals, in the asset's units (ETH, or the token with its decimals). */
final class PlanPrinter {
    private final PrintStream out;
    private final String asset;
    private final int decimals;

    PlanPrinter(PrintStream out, String asset, int decimals) {
        this.out = out;
        this.asset = asset;
        this.decimals = decimals;
    }

    void print(SweepPlan plan, String destination) {
        out.printf("gas price %s wei (%s ETH per gas)%n", plan.gasPrice(), Units.ether(plan.gasPrice()));
        if (plan.items().isEmpty()) {
            out.println("nothing to sweep: no handed-out address holds " + asset);
            return;
        }
        if (plan.token()) {
            out.printf("%6s  %-42s  %22s  %8s  %22s  %22s  %22s%n", "index", "address", "balance (" + asset + ")",
                    "gas", "fee (ETH)", "top-up (ETH)", "send (" + asset + ")");
        } else {
            out.printf("%6s  %-42s  %22s  %22s  %22s%n", "index", "address", "balance (ETH)", "fee (ETH)", "send (ETH)");
        }
        for (SweepItem i : plan.items()) {
            String send = i.skipped() ? "skipped: " + i.skipReason() : amount(i.amount());
            if (plan.token()) {
                out.printf("%6d  %-42s  %22s  %8s  %22s  %22s  %22s%n", i.index(), i.address(), amount(i.balance()),
                        i.gasLimit(), Units.ether(i.fee()), Units.ether(i.topUp()), send);
            } else {
                out.printf("%6d  %-42s  %22s  %22s  %22s%n", i.index(), i.address(), Units.ether(i.balance()),
                        i.skipped() ? "-" : Units.ether(i.fee()), send);
            }
        }
        out.printf("total to %s: %s %s in %d transaction%s%n", destination, amount(plan.totalToDestination()), asset,
                plan.sending().size(), plan.sending().size() == 1 ? "" : "s");
        out.printf("total fees: %s ETH%n", Units.ether(plan.totalFees()));
        if (plan.token()) {
            SweepPlan.GasAccount gas = plan.gasAccount();
            out.printf("top-ups: %s ETH in %d transaction%s from the gas account (index %d, %s, holds %s ETH)%n",
                    Units.ether(plan.totalTopUps()), plan.topUpCount(), plan.topUpCount() == 1 ? "" : "s",
                    gas.index(), gas.address(), Units.ether(gas.balance()));
        }
        long skipped = plan.items().stream().filter(SweepItem::skipped).count();
        if (skipped > 0) {
            out.printf("skipped: %d address%s holding too little to pay a fee%n", skipped, skipped == 1 ? "" : "es");
        }
    }

    /**
     * The EIP-7702 batch plan: the sweeper, every deposit with its ether and its balance of each token the plan moves
     * (a column per token) and whether it signs an authorization, each transaction with its estimated gas, the totals
     * per asset and what the gas account must hold.
     */
    void printBatch(BatchPlan plan, String destination) {
        BatchPlan.Fees fees = plan.fees();
        out.printf("gas price %s wei (%s ETH per gas); type-4 max fee %s wei, tip %s wei%n", fees.gasPrice(),
                Units.ether(fees.gasPrice()), fees.maxFeePerGas(), fees.maxPriorityFeePerGas());
        BatchPlan.Sweeper sweeper = plan.sweeper();
        if (sweeper.deploy()) {
            out.printf("sweeper: the gas account deploys a Sweeper paying %s, at %s (estimated %s gas)%n", destination,
                    sweeper.address(), sweeper.deployGas());
        } else {
            out.printf("sweeper: %s, verified: its code is the shipped Sweeper paying %s%n", sweeper.address(), destination);
        }
        if (plan.batches().isEmpty()) {
            out.println("nothing to sweep: no handed-out address holds ether or a token of this chain");
            return;
        }
        StringBuilder header = new StringBuilder();
        plan.tokens().forEach(t -> header.append(String.format("  %22s", t.symbol())));
        out.printf("%6s  %-42s  %22s%s  %s%n", "index", "address", "ether (ETH)", header, "authorization");
        int n = 0;
        for (BatchPlan.Batch b : plan.batches()) {
            out.printf("batch %d: %d address%s, %d authorization%s, estimated gas %s (limit %s)%n", ++n,
                    b.deposits().size(), b.deposits().size() == 1 ? "" : "es", b.authorizations(),
                    b.authorizations() == 1 ? "" : "s", b.estimatedGas(), b.gasLimit());
            for (BatchDeposit d : b.deposits()) {
                StringBuilder columns = new StringBuilder();
                plan.tokens().forEach(t -> columns.append(String.format("  %22s",
                        Units.format(d.tokens(t.contract()), t.decimals()))));
                out.printf("%6d  %-42s  %22s%s  %s%n", d.index(), d.address(), Units.ether(d.ether()), columns,
                        d.delegated() ? "delegates already" : "signs one (nonce " + d.nonce() + ")");
            }
        }
        int sweeps = plan.batches().size();
        out.printf("total to %s: %s from %d addresses in %d sweep transaction%s%s%n", destination,
                assets(plan.tokens(), plan.totalTokens(), plan.totalEther()), plan.deposits().size(), sweeps,
                sweeps == 1 ? "" : "s", sweeper.deploy() ? " (+1 deploying the sweeper)" : "");
        SweepPlan.GasAccount gas = plan.gasAccount();
        out.printf("estimated gas %s, fees %s ETH; no top-ups: the gas account (index %d, %s) pays all, needs up to %s"
                        + " ETH (gas limits at the max fee), holds %s ETH%n", plan.estimatedGas(),
                Units.ether(plan.estimatedFees()), gas.index(), gas.address(), Units.ether(plan.gasAccountNeeds()),
                Units.ether(gas.balance()));
    }

    /** "60.5 TST, 3 USDC and 0.0011 ETH": each token with units (in {@code tokens} order, none of 0), then the ether. */
    static String assets(List<BatchPlan.Token> tokens, Map<String, BigInteger> units, BigInteger wei) {
        List<String> parts = new ArrayList<>();
        for (BatchPlan.Token t : tokens) {
            BigInteger u = units.getOrDefault(t.contract(), BigInteger.ZERO);
            if (u.signum() > 0) {
                parts.add(Units.format(u, t.decimals()) + " " + t.symbol());
            }
        }
        String ether = Units.ether(wei) + " ETH";
        return parts.isEmpty() ? ether : String.join(", ", parts) + " and " + ether;
    }

    private String amount(BigInteger units) {
        return Units.format(units, decimals);
    }
}
