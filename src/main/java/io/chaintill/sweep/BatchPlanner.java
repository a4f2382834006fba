package io.chaintill.sweep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link BatchPlan} from the node's live state: the sweeper to use (a given one whose code must be the
 * shipped Sweeper's for this destination, or one the gas account will deploy at its next nonce's address), each
 * deposit's ether and balance of every token of the chain, its nonce, and the node's gas estimate of every sweep transaction with the deposits'
 * authorizations signed here. A sweeper not deployed yet is priced by overriding its address's code in the estimate.
 */
final class BatchPlanner {
    private final EthereumNode node;
    private final WalletSecret wallet;
    private final long chainId;

    BatchPlanner(EthereumNode node, WalletSecret wallet, long chainId) {
        this.node = node;
        this.wallet = wallet;
        this.chainId = chainId;
    }

    /**
     * @param tokens     every token of the chain (each deposit's balance of each is read), empty for ether only
     * @param sweeper    an existing Sweeper (--sweeper), or null to deploy one
     */
    BatchPlan plan(List<HandedOutAddress> handedOut, List<BatchPlan.Token> tokens, String to, SweepPlan.GasAccount gas,
                   String sweeper, int batchSize) {
        String runtime = node.runtimeCode(SweeperContract.creationCode(to));
        BatchPlan.Sweeper chosen;
        if (sweeper != null) {
            verify(sweeper, runtime, to);
            chosen = new BatchPlan.Sweeper(sweeper, null);
        } else {
            String creation = SweeperContract.creationCode(to);
            chosen = new BatchPlan.Sweeper(SweeperContract.addressCreatedBy(gas.address(), node.nonce(gas.address())),
                    node.estimateDeployGas(gas.address(), creation));
        }
        String delegation = SweeperContract.delegationCode(chosen.address());
        List<BatchDeposit> deposits = new ArrayList<>();
        for (HandedOutAddress a : handedOut) {
            Map<String, BigInteger> balances = new LinkedHashMap<>();
            for (BatchPlan.Token t : tokens) {
                balances.put(t.contract(), node.tokenBalance(t.contract(), a.address()));
            }
            BatchDeposit d = new BatchDeposit(a.index(), a.address(), node.balance(a.address()), balances,
                    BigInteger.ZERO, false);
            if (d.empty()) {
                continue;
            }
            deposits.add(new BatchDeposit(a.index(), a.address(), d.ether(), balances, node.nonce(a.address()),
                    node.code(a.address()).equals(delegation)));
        }
        Map<String, String> overrides = chosen.deploy() ? Map.of(chosen.address(), runtime) : Map.of();
        List<BatchPlan.Batch> batches = new ArrayList<>();
        for (List<BatchDeposit> chunk : BatchPlan.chunks(deposits, batchSize)) {
            // only the tokens this batch's deposits hold: each listed token costs every deposit a balanceOf call
            String data = SweeperContract.sweepAll(chunk.stream().map(BatchDeposit::address).toList(),
                    BatchPlan.tokensHeld(chunk));
            BigInteger estimate;
            try {
                estimate = node.estimateSetCodeGas(gas.address(), chosen.address(), data,
                        DepositAuthorizations.sign(wallet, chainId, chosen.address(), chunk), overrides);
            } catch (SweepException e) {
                throw new SweepException(e.getMessage() + (chosen.deploy() ? " (the Sweeper is not deployed yet, so its"
                        + " code was placed at its future address " + chosen.address() + " by a state override, which"
                        + " this node may not take)" : "") + "; nothing was sent");
            }
            batches.add(new BatchPlan.Batch(chunk, estimate));
        }
        return new BatchPlan(chosen, BatchPlan.Fees.of(node.gasPrice(), node.maxPriorityFeePerGas()), batches, gas,
                tokens);
    }

    /** A given sweeper must run exactly the shipped code for this destination: anything else could pay someone else. */
    private void verify(String sweeper, String expectedRuntime, String to) {
        String actual = node.code(sweeper);
        if (actual.equals("0x") || actual.isEmpty()) {
            throw new SweepException("--sweeper: no contract at " + sweeper + " on this chain; leave --sweeper out and the"
                    + " gas account deploys one");
        }
        if (!actual.equals(expectedRuntime)) {
            throw new SweepException("--sweeper: the code at " + sweeper + " is not the shipped Sweeper paying " + to
                    + " (another contract, another version, or a Sweeper for another --to); nothing was sent");
        }
    }
}
