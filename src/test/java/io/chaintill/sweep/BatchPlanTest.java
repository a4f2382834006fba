package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The EIP-7702 batch plan's arithmetic, its options and the Sweeper pieces that need no node (SetCodeSweepIT runs them). */
class BatchPlanTest {
    private static final String TO = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final SweepPlan.GasAccount GAS = new SweepPlan.GasAccount(1_000_000,
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", BigInteger.TEN.pow(18));

    private static BatchDeposit deposit(int index, long wei, Long tokens, boolean delegated) {
        return new BatchDeposit(index, "0x" + String.format("%040x", index + 1), BigInteger.valueOf(wei),
                tokens == null ? null : BigInteger.valueOf(tokens), BigInteger.ZERO, delegated);
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
                List.of(first, second), GAS);

        assertEquals(BigInteger.valueOf(18), plan.totalTokens());
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
        String why = new BatchPlan(new BatchPlan.Sweeper(TO, null), fees, List.of(second), poor).problem();
        assertEquals("the gas account (index 1000000, " + GAS.address() + ") holds 1 wei but the batch sweep may cost up to "
                + "120000000000000 wei: send it at least 119999999999999 wei more", why);
        assertThrows(SweepException.class, () -> BatchPlan.Fees.of(BigInteger.ZERO, GWEI));
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
