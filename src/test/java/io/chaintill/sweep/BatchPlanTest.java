package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The EIP-7702 batch plan's arithmetic, its options and the Sweeper pieces that need no node (SetCodeSweepIT runs them). */
class BatchPlanTest {
    private static final String TO = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final SweepPlan.GasAccount GAS = new SweepPlan.GasAccount(1_000_000,
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", BigInteger.TEN.pow(18));

    private static final String USDC = "0x00000000000000000000000000000000000000a1";
    private static final String DAI = "0x00000000000000000000000000000000000000b2";
    private static final List<BatchPlan.Token> TOKENS = List.of(new BatchPlan.Token(USDC, "USDC", 6),
            new BatchPlan.Token(DAI, "DAI", 18));

    /** A deposit holding {@code wei} and, unless null, {@code tokens} USDC units. */
    private static BatchDeposit deposit(int index, long wei, Long tokens, boolean delegated) {
        return holding(index, wei, tokens == null ? Map.of() : Map.of(USDC, tokens), delegated);
    }

    private static BatchDeposit holding(int index, long wei, Map<String, Long> tokens, boolean delegated) {
        Map<String, BigInteger> units = new LinkedHashMap<>();
        TOKENS.forEach(t -> {
            if (tokens.containsKey(t.contract())) {
                units.put(t.contract(), BigInteger.valueOf(tokens.get(t.contract())));
            }
        });
        return new BatchDeposit(index, "0x" + String.format("%040x", index + 1), BigInteger.valueOf(wei), units,
                BigInteger.ZERO, delegated);
    }

    @Test
    void emptyDepositsAreLeftOutAndTheRestCutIntoBatchesOfTheGivenSize() {
        List<BatchDeposit> deposits = List.of(deposit(0, 5, 10L, false), deposit(1, 0, 0L, false),
                deposit(2, 0, 7L, false), deposit(3, 9, null, false), deposit(4, 0, null, false));
        List<List<BatchDeposit>> chunks = BatchPlan.chunks(deposits, 2);
        assertEquals(List.of(List.of(0, 2), List.of(3)),
                chunks.stream().map(c -> c.stream().map(BatchDeposit::index).toList()).toList());
        assertEquals(1, BatchPlan.chunks(deposits, BatchPlan.MAX_BATCH_SIZE).size());
        assertThrows(IllegalArgumentException.class, () -> BatchPlan.chunks(deposits, 0));
        assertThrows(IllegalArgumentException.class, () -> BatchPlan.chunks(deposits, BatchPlan.MAX_BATCH_SIZE + 1));
    }

    @Test
    void totalsCountEveryTokenAndWeiAndTheGasAccountMustCoverEveryLimitAtTheMaxFee() {
        BatchPlan.Batch first = new BatchPlan.Batch(List.of(deposit(0, 5, 10L, false), deposit(1, 0, 7L, true)),
                BigInteger.valueOf(100_000));
        BatchPlan.Batch second = new BatchPlan.Batch(List.of(deposit(2, 3, 1L, false)), BigInteger.valueOf(50_000));
        BatchPlan.Fees fees = BatchPlan.Fees.of(GWEI, GWEI.multiply(BigInteger.TEN));
        assertEquals(GWEI.multiply(BigInteger.TWO), fees.maxFeePerGas());
        assertEquals(fees.maxFeePerGas(), fees.maxPriorityFeePerGas(), "the tip never above the cap");
        BatchPlan plan = new BatchPlan(new BatchPlan.Sweeper(TO, BigInteger.valueOf(400_000)), fees,
                List.of(first, second), GAS, TOKENS);

        assertEquals(Map.of(USDC, BigInteger.valueOf(18)), plan.totalTokens());
        assertEquals(List.of(USDC), plan.tokens().stream().map(BatchPlan.Token::contract).toList(),
                "a token no deposit holds is not part of the plan");
        assertEquals(BigInteger.valueOf(8), plan.totalEther());
        assertEquals(3, plan.transactionCount(), "two batches and the deployment");
        assertEquals(1, first.authorizations(), "a delegated deposit signs none");
        assertEquals(BigInteger.valueOf(120_000), first.gasLimit());
        assertEquals(BigInteger.valueOf(550_000), plan.estimatedGas());
        assertEquals(BigInteger.valueOf(550_000).multiply(GWEI), plan.estimatedFees());
        // limits 120k + 60k + 480k at 2 gwei
        assertEquals(BigInteger.valueOf(660_000).multiply(GWEI).multiply(BigInteger.TWO), plan.gasAccountNeeds());
        assertNull(plan.problem());

        SweepPlan.GasAccount poor = new SweepPlan.GasAccount(GAS.index(), GAS.address(), BigInteger.ONE);
        String why = new BatchPlan(new BatchPlan.Sweeper(TO, null), fees, List.of(second), poor, TOKENS)
                .problem();
        assertEquals("the gas account (index 1000000, " + GAS.address() + ") holds 1 wei but the batch sweep may cost up to "
                + "120000000000000 wei: send it at least 119999999999999 wei more", why);
        assertThrows(SweepException.class, () -> BatchPlan.Fees.of(BigInteger.ZERO, GWEI));
    }

    @Test
    void everyTokenOfEveryDepositIsCountedPerAssetAndEachBatchListsOnlyTheTokensItsDepositsHold() {
        BatchDeposit both = holding(0, 0, Map.of(USDC, 1_500_000L, DAI, 2L), false);
        BatchDeposit daiOnly = holding(1, 7, Map.of(USDC, 0L, DAI, 5_000_000_000_000_000_000L), false);
        BatchDeposit etherOnly = holding(2, 9, Map.of(USDC, 0L, DAI, 0L), false);
        BatchDeposit nothing = holding(3, 0, Map.of(USDC, 0L, DAI, 0L), false);
        BatchDeposit usdcOnly = holding(4, 0, Map.of(USDC, 3L, DAI, 0L), true);
        assertEquals(List.of(USDC, DAI), both.heldTokens());
        assertEquals(List.of(DAI), daiOnly.heldTokens());
        assertTrue(nothing.empty());
        assertEquals(BigInteger.ZERO, etherOnly.tokens(USDC));

        List<List<BatchDeposit>> chunks = BatchPlan.chunks(List.of(daiOnly, etherOnly, nothing, both, usdcOnly), 2);
        assertEquals(List.of(List.of(1, 2), List.of(0, 4)),
                chunks.stream().map(c -> c.stream().map(BatchDeposit::index).toList()).toList(), "the empty one left out");
        BatchPlan.Batch first = new BatchPlan.Batch(chunks.get(0), BigInteger.valueOf(80_000));
        BatchPlan.Batch second = new BatchPlan.Batch(chunks.get(1), BigInteger.valueOf(90_000));
        assertEquals(List.of(DAI), first.tokens(), "no deposit of the first batch holds USDC: its sweepAll skips it");
        assertEquals(List.of(USDC, DAI), second.tokens());
        assertEquals(BigInteger.valueOf(1_500_003), second.total(USDC));
        assertEquals(BigInteger.valueOf(16), first.totalEther());

        BatchPlan plan = new BatchPlan(new BatchPlan.Sweeper(TO, null), BatchPlan.Fees.of(GWEI, GWEI),
                List.of(first, second), GAS, TOKENS);
        Map<String, BigInteger> totals = plan.totalTokens();
        assertEquals(List.of(USDC, DAI), List.copyOf(totals.keySet()), "in the chain's order");
        assertEquals(BigInteger.valueOf(1_500_003), totals.get(USDC));
        assertEquals(new BigInteger("5000000000000000002"), totals.get(DAI));
        assertEquals(BigInteger.valueOf(16), plan.totalEther());
        assertEquals(1, second.authorizations());
        assertEquals("1.500003 USDC, 5.000000000000000002 DAI and 0.000000000000000016 ETH",
                PlanPrinter.assets(plan.tokens(), totals, plan.totalEther()));
        assertEquals("0.000000000000000016 ETH", PlanPrinter.assets(plan.tokens(), Map.of(), plan.totalEther()),
                "ether only: no token named");
    }

    @Test
    void batchOptionsNeedAGasAccountAndBoundTheBatch() {
        assertTrue(parse("--batch", "--gas-from-index", "7").batch());
        assertEquals(BatchPlan.DEFAULT_BATCH_SIZE, parse("--batch", "--gas-from-index", "7").batchSize());
        assertEquals(3, parse("--batch", "--gas-from-index", "7", "--batch-size", "3").batchSize());
        assertTrue(refused("--batch").startsWith("--batch needs --gas-from-index N"));
        assertEquals("--sweeper applies to --batch only", refused("--sweeper", TO));
        assertTrue(refused("--batch", "--gas-from-index", "7", "--batch-size", "501").startsWith("--batch-size: '501'"));
        assertTrue(refused("--batch", "--gas-from-index", "7", "--sweeper", "0x12").startsWith("--sweeper: "));
    }

    @Test
    void theSweeperPiecesMatchTheEvmsRules() {
        // anvil's first account's first contract: the well-known 0x5FbDB... address
        assertEquals("0x5FbDB2315678afecb367f032d93F642f64180aa3",
                SweeperContract.addressCreatedBy("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", BigInteger.ZERO));
        assertEquals("0xef01003c44cdddb6a900fa2b585dd299e03d12fa4293bc", SweeperContract.delegationCode(TO));
        String creation = SweeperContract.creationCode(TO);
        assertTrue(creation.startsWith("0x60a0") && creation.endsWith("0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc"),
                "shipped bytecode, then the destination as the constructor argument");
        // sweepAll(address[],address[]) selector
        assertTrue(SweeperContract.sweepAll(List.of(TO), List.of()).startsWith("0x"
                + org.web3j.utils.Numeric.toHexStringNoPrefix(org.web3j.crypto.Hash.sha3(
                        "sweepAll(address[],address[])".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).substring(0, 8)));
        SetCodeTransaction.Authorization a = new SetCodeTransaction.Authorization(8453, TO, BigInteger.TWO, 1,
                BigInteger.valueOf(255), BigInteger.TEN);
        assertEquals(Map.of("chainId", "0x2105", "address", TO, "nonce", "0x2", "yParity", "0x1", "r", "0xff", "s", "0xa"),
                a.rpcJson());
    }

    private static SweepOptions parse(String... more) {
        List<String> args = new ArrayList<>(List.of("--server", "http://127.0.0.1:8080", "--store", "S", "--method",
                "USDC-BASE", "--to", TO, "--rpc", "http://127.0.0.1:8545"));
        args.addAll(List.of(more));
        return SweepOptions.parse(args);
    }

    private static String refused(String... more) {
        return assertThrows(SweepException.class, () -> parse(more)).getMessage();
    }
}
