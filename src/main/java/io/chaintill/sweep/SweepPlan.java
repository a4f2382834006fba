package io.chaintill.sweep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of a sweep, without any I/O: which deposit addresses send what, at which fee, and (for a
 * token) how much ether the gas account must top each one up with. Ether sweeps leave exactly zero behind:
 * a legacy transaction of 21000 gas costs exactly 21000 * gasPrice, so balance - fee is sent.
 */
public final class SweepPlan {
    /** Gas of a plain ether transfer to an account without code: fixed by the protocol. */
    public static final BigInteger TRANSFER_GAS = BigInteger.valueOf(21_000);

    private final boolean token;
    private final BigInteger gasPrice;
    private final List<SweepItem> items;
    private final GasAccount gasAccount;

    /** The account that pays token sweeps' gas: m/44'/60'/0'/0/index of the same wallet. */
    public record GasAccount(int index, String address, BigInteger balance) {
    }

    private SweepPlan(boolean token, BigInteger gasPrice, List<SweepItem> items, GasAccount gasAccount) {
        this.token = token;
        this.gasPrice = gasPrice;
        this.items = List.copyOf(items);
        this.gasAccount = gasAccount;
    }

    /** Each funded address sends balance - 21000 * gasPrice; one that cannot pay its own fee is skipped as dust. */
    public static SweepPlan ether(List<DepositBalance> balances, BigInteger gasPrice) {
        requirePositive(gasPrice);
        BigInteger fee = TRANSFER_GAS.multiply(gasPrice);
        List<SweepItem> items = new ArrayList<>();
        for (DepositBalance b : balances) {
            if (b.ether().signum() == 0) {
                continue;
            }
            if (b.ether().compareTo(fee) <= 0) {
                items.add(new SweepItem(b.index(), b.address(), b.ether(), TRANSFER_GAS, BigInteger.ZERO,
                        BigInteger.ZERO, BigInteger.ZERO, "dust: does not cover its own fee of " + fee + " wei"));
            } else {
                items.add(new SweepItem(b.index(), b.address(), b.ether(), TRANSFER_GAS, fee, BigInteger.ZERO,
                        b.ether().subtract(fee), null));
            }
        }
        return new SweepPlan(false, gasPrice, items, null);
    }

    /**
     * Each token-holding address sends its whole token balance; its gas (estimated gas * gasPrice) comes from
     * its own ether, topped up from the gas account with exactly what is missing.
     */
    public static SweepPlan token(List<DepositBalance> balances, BigInteger gasPrice, GasAccount gasAccount) {
        requirePositive(gasPrice);
        List<SweepItem> items = new ArrayList<>();
        for (DepositBalance b : balances) {
            if (b.tokens() == null || b.tokens().signum() == 0) {
                continue;
            }
            BigInteger fee = b.transferGas().multiply(gasPrice);
            BigInteger topUp = fee.subtract(b.ether()).max(BigInteger.ZERO);
            items.add(new SweepItem(b.index(), b.address(), b.tokens(), b.transferGas(), fee, topUp, b.tokens(), null));
        }
        return new SweepPlan(true, gasPrice, items, gasAccount);
    }

    private static void requirePositive(BigInteger gasPrice) {
        if (gasPrice == null || gasPrice.signum() <= 0) {
            throw new SweepException("the node reported a gas price of " + gasPrice + " wei: cannot price the transactions");
        }
    }

    public boolean token() {
        return token;
    }

    public BigInteger gasPrice() {
        return gasPrice;
    }

    public List<SweepItem> items() {
        return items;
    }

    public List<SweepItem> sending() {
        return items.stream().filter(i -> !i.skipped()).toList();
    }

    public GasAccount gasAccount() {
        return gasAccount;
    }

    /** Everything the destination receives, in the asset's base units. */
    public BigInteger totalToDestination() {
        return sending().stream().map(SweepItem::amount).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Ether the gas account sends to deposit addresses (not counting the top-ups' own fees). */
    public BigInteger totalTopUps() {
        return sending().stream().map(SweepItem::topUp).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public long topUpCount() {
        return sending().stream().filter(i -> i.topUp().signum() > 0).count();
    }

    /** Fees of the top-up transactions, paid by the gas account. */
    public BigInteger topUpFees() {
        return TRANSFER_GAS.multiply(gasPrice).multiply(BigInteger.valueOf(topUpCount()));
    }

    /** Every fee the sweep pays: the sweeping transactions' and, for a token, the top-ups'. */
    public BigInteger totalFees() {
        BigInteger sweeps = sending().stream().map(SweepItem::fee).reduce(BigInteger.ZERO, BigInteger::add);
        return sweeps.add(topUpFees());
    }

    /** What the gas account must hold: top-ups plus their fees (zero for an ether sweep). */
    public BigInteger gasAccountNeeds() {
        return token ? totalTopUps().add(topUpFees()) : BigInteger.ZERO;
    }

    /** Why the plan cannot run as it stands (the gas account too poor), or null. */
    public String problem() {
        if (!token || topUpCount() == 0) {
            return null;
        }
        BigInteger needs = gasAccountNeeds();
        if (gasAccount.balance().compareTo(needs) < 0) {
            return "the gas account (index " + gasAccount.index() + ", " + gasAccount.address() + ") holds "
                    + gasAccount.balance() + " wei but the top-ups need " + needs + " wei: send it at least "
                    + needs.subtract(gasAccount.balance()) + " wei more";
        }
        return null;
    }
}
