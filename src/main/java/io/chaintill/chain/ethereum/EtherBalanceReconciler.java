package io.chaintill.chain.ethereum;

import io.chaintill.chain.ChainCursor;
import io.chaintill.chain.ChainLedger;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.ReceivedOutput;
import io.chaintill.chain.WatchedDestination;
import io.chaintill.chain.WatchedDestinations;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Finds ether that reached a watched address without a top-level transaction to it (sent by a contract: a
 * multisig, an exchange's batch payout, a forwarder). Once per block for every watched destination (at most
 * {@code maxPerPass} per pass) it compares the address's balance at the cursor block with what the ledger already
 * credited to it there, and credits any excess as a payment confirmed in that block.
 * <p>
 * Such a payment has the synthetic txid {@code balance:<first 16 hex digits of the block hash>:<address>} (output
 * 0): unique per block and address, and distinct on a reorg's sibling block. A reorg unconfirms it like any payment;
 * as it was never a pool transaction, it is then dropped at once (and found again on the new branch if the ether is
 * still there).
 */
public class EtherBalanceReconciler {
    private static final Logger LOG = Logger.getLogger(EtherBalanceReconciler.class.getName());
    public static final String TXID_PREFIX = "balance:";

    /** Balances are read from the node this source follows this pass (a witness during a failover). */
    private final ChainSource source;
    private final ChainLedger ledger;
    private final CreditedAmounts credited;
    private final WatchedDestinations watched;
    private final int maxPerPass;
    /** The block the addresses in {@link #checked} were compared at. */
    private String checkedAt = "";
    private final Set<String> checked = new HashSet<>();

    public EtherBalanceReconciler(ChainSource source, ChainLedger ledger, CreditedAmounts credited,
                                  WatchedDestinations watched, int maxPerPass) {
        this.source = source;
        this.ledger = ledger;
        this.credited = credited;
        this.watched = watched;
        this.maxPerPass = maxPerPass;
    }

    public static boolean isSynthetic(String txid) {
        return txid.startsWith(TXID_PREFIX);
    }

    /** Call when the follower is at the node's tip ({@code cursor}); returns the number of payments credited. */
    public int reconcile(ChainCursor cursor) {
        dropOrphaned();
        List<WatchedDestination> batch = nextBatch(cursor.hash());
        if (batch.isEmpty()) {
            return 0;
        }
        List<BigInteger> balances = new ArrayList<>(batch.size());
        EthereumRpc rpc = EthereumChainSource.of(source).rpc();
        for (WatchedDestination w : batch) {
            balances.add(rpc.balance("0x" + w.scriptHex(), cursor.height()));
        }
        // The balances were read by height: only trust them if that height is still the cursor's block.
        if (!source.blockHash(cursor.height()).map(cursor.hash()::equals).orElse(false)) {
            return 0;
        }
        Map<String, BigInteger> already = credited.confirmedByPrompt(
                batch.stream().map(WatchedDestination::promptId).toList(), cursor.height());
        List<ReceivedOutput> excess = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            WatchedDestination w = batch.get(i);
            BigInteger more = balances.get(i).subtract(already.getOrDefault(w.promptId(), BigInteger.ZERO));
            if (more.signum() > 0) {
                excess.add(new ReceivedOutput(w, syntheticTxid(cursor.hash(), w.destination()), 0, more, false));
            }
        }
        if (!excess.isEmpty()) {
            LOG.info("ETH: " + excess.size() + " address(es) hold ether no transaction to them explains (sent by a"
                    + " contract); credited at block " + cursor.height());
            ledger.recordConfirmed(cursor.height(), cursor.hash(), excess);
        }
        batch.forEach(w -> checked.add(w.scriptHex())); // only once recorded: a failed pass checks them again
        return excess.size();
    }

    static String syntheticTxid(String blockHash, String address) {
        String hash = blockHash.startsWith("0x") ? blockHash.substring(2) : blockHash;
        return TXID_PREFIX + hash.substring(0, 16) + ":" + EthereumAddresses.checksum(address);
    }

    /** A synthetic payment without a block lost it in a reorg; nothing can mine it again. */
    private void dropOrphaned() {
        Set<String> orphaned = ledger.unconfirmedTxids().stream().filter(EtherBalanceReconciler::isSynthetic)
                .collect(Collectors.toSet());
        if (!orphaned.isEmpty()) {
            LOG.warning("ETH: balance credits of blocks that left the chain are withdrawn: " + orphaned);
            ledger.dropTransactions(orphaned);
        }
    }

    /**
     * Up to {@code maxPerPass} destinations not yet checked at this block. A balance at a given block never
     * changes, so each address is read once per block; a new block (or a reorg's sibling) starts a new round.
     */
    private List<WatchedDestination> nextBatch(String blockHash) {
        if (!blockHash.equals(checkedAt)) {
            checkedAt = blockHash;
            checked.clear();
        }
        List<WatchedDestination> batch = new ArrayList<>();
        for (WatchedDestination w : watched.all()) {
            if (batch.size() == maxPerPass) {
                break;
            }
            if (!checked.contains(w.scriptHex())) {
                batch.add(w);
            }
        }
        return batch;
    }
}
