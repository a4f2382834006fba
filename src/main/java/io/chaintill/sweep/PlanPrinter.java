package io.chaintill.sweep;

import java.io.PrintStream;
import java.math.BigInteger;

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

    private String amount(BigInteger units) {
        return Units.format(units, decimals);
    }
}
