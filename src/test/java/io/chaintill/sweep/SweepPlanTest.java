package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final BigInteger GAS_PRICE = GWEI.multiply(BigInteger.valueOf(3));
    private static final BigInteger FEE = BigInteger.valueOf(21_000).multiply(GAS_PRICE);

    private static BigInteger wei(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void etherSweepSendsBalanceMinusExactlyTheFee() {
        BigInteger half = BigInteger.TEN.pow(17).multiply(wei(5));
        SweepPlan plan = SweepPlan.ether(List.of(
                DepositBalance.ether(0, "0xa", half),
                DepositBalance.ether(1, "0xb", BigInteger.ZERO),
                DepositBalance.ether(2, "0xc", FEE.add(BigInteger.ONE))), GAS_PRICE);

        assertEquals(2, plan.items().size(), "empty addresses are not listed");
        SweepItem first = plan.items().get(0);
        assertEquals(half.subtract(FEE), first.amount());
        assertEquals(BigInteger.ZERO, first.balance().subtract(first.amount()).subtract(first.fee()), "exactly 0 left");
        assertEquals(BigInteger.ONE, plan.items().get(1).amount(), "1 wei above the fee is still swept");
        assertEquals(half.subtract(FEE).add(BigInteger.ONE), plan.totalToDestination());
        assertEquals(FEE.multiply(wei(2)), plan.totalFees());
        assertEquals(BigInteger.ZERO, plan.totalTopUps());
        assertNull(plan.problem());
    }

    @Test
    void dustThatCannotPayItsFeeIsSkipped() {
        SweepPlan plan = SweepPlan.ether(List.of(DepositBalance.ether(4, "0xd", FEE),
                DepositBalance.ether(5, "0xe", wei(1))), GAS_PRICE);
        assertEquals(2, plan.items().size());
        assertTrue(plan.items().stream().allMatch(SweepItem::skipped));
        assertTrue(plan.items().get(0).skipReason().startsWith("dust"));
        assertEquals(BigInteger.ZERO, plan.totalToDestination());
        assertEquals(BigInteger.ZERO, plan.totalFees());
        assertTrue(plan.sending().isEmpty());
    }

    @Test
    void tokenSweepTopsUpExactlyTheMissingGasMoney() {
        BigInteger gas = wei(51_000);
        BigInteger fee = gas.multiply(GAS_PRICE);
        SweepPlan.GasAccount account = new SweepPlan.GasAccount(100, "0xgas", BigInteger.TEN.pow(18));
        SweepPlan plan = SweepPlan.token(List.of(
                DepositBalance.token(0, "0xa", BigInteger.ZERO, wei(10_000_000), gas),   // no ether: full top-up
                DepositBalance.token(1, "0xb", wei(1_000), wei(2_500_000), gas),         // some ether: the rest
                DepositBalance.token(2, "0xc", fee.add(wei(7)), wei(1), gas),            // enough ether: none
                DepositBalance.token(3, "0xd", BigInteger.TEN, BigInteger.ZERO, gas)),   // no tokens: not listed
                GAS_PRICE, account);

        assertEquals(3, plan.items().size());
        assertEquals(fee, plan.items().get(0).topUp());
        assertEquals(fee.subtract(wei(1_000)), plan.items().get(1).topUp());
        assertEquals(BigInteger.ZERO, plan.items().get(2).topUp());
        assertEquals(wei(12_500_001), plan.totalToDestination(), "whole token balances");
        assertEquals(2, plan.topUpCount());
        assertEquals(fee.multiply(wei(2)).subtract(wei(1_000)), plan.totalTopUps());
        assertEquals(FEE.multiply(wei(2)), plan.topUpFees());
        assertEquals(fee.multiply(wei(3)).add(FEE.multiply(wei(2))), plan.totalFees(), "three transfers and two top-ups");
        assertEquals(plan.totalTopUps().add(plan.topUpFees()), plan.gasAccountNeeds());
        assertNull(plan.problem());
    }

    @Test
    void tokenSweepNamesTheShortfallOfAPoorGasAccount() {
        BigInteger gas = wei(40_000);
        SweepPlan plan = SweepPlan.token(List.of(DepositBalance.token(0, "0xa", BigInteger.ZERO, wei(5), gas)),
                GAS_PRICE, new SweepPlan.GasAccount(7, "0xgas", wei(1_000)));
        BigInteger needs = gas.multiply(GAS_PRICE).add(FEE);
        assertEquals(needs, plan.gasAccountNeeds());
        String problem = plan.problem();
        assertTrue(problem.contains("index 7") && problem.contains(needs.subtract(wei(1_000)) + " wei more"), problem);
    }

    @Test
    void zeroGasPriceIsRefused() {
        SweepException e = assertThrows(SweepException.class, () -> SweepPlan.ether(List.of(), BigInteger.ZERO));
        assertTrue(e.getMessage().contains("gas price"));
    }
}
