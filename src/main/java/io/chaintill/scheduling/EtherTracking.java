package io.chaintill.scheduling;

import io.chaintill.application.ChainLedgerService;
import io.chaintill.application.PersistentChainLedger;
import io.chaintill.application.TrackedChain;
import io.chaintill.chain.ChainFollower;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.FollowReport;
import io.chaintill.chain.WatchedDestinations;
import io.chaintill.chain.ethereum.EtherBalanceReconciler;
import io.chaintill.chain.ethereum.EthereumAddresses;
import io.chaintill.chain.ethereum.EthereumChainSource;
import io.chaintill.chain.ethereum.EthereumRpc;
import io.chaintill.domain.payment.PaymentMethodId;
import java.util.Optional;

/** ETH-CHAIN in the follow loop: top-level transactions by block, plus balance reconciliation at the tip. */
final class EtherTracking implements ChainFollowLoop.Chain {
    static final String KEY = "ETH";
    static final PaymentMethodId METHOD = new PaymentMethodId("ETH", "CHAIN");

    private final EthereumRpc rpc;
    private final ChainLedgerService ledgerService;
    private final int firstScanDepth;
    private final int balanceChecksPerPass;
    private EtherBalanceReconciler reconciler;

    EtherTracking(EthereumRpc rpc, ChainLedgerService ledgerService, int firstScanDepth, int balanceChecksPerPass) {
        this.rpc = rpc;
        this.ledgerService = ledgerService;
        this.firstScanDepth = firstScanDepth;
        this.balanceChecksPerPass = balanceChecksPerPass;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public PaymentMethodId method() {
        return METHOD;
    }

    @Override
    public String matchKey(String address) {
        return EthereumAddresses.matchKey(address);
    }

    @Override
    public Optional<String> refusal(ChainSource source) {
        return ((EthereumChainSource) source).refusal();
    }

    @Override
    public ChainFollower follower(ChainSource source, WatchedDestinations watched) {
        PersistentChainLedger ledger = new PersistentChainLedger(new TrackedChain(KEY, METHOD, 18), ledgerService);
        reconciler = new EtherBalanceReconciler(rpc, source, ledger, ledger, watched, balanceChecksPerPass);
        return new ChainFollower(KEY, source, ledger, watched, firstScanDepth, 100);
    }

    /** Balances are read at the cursor block: only when caught up (pruned nodes keep recent state only). */
    @Override
    public void afterPass(ChainSource source, FollowReport report) {
        if (balanceChecksPerPass > 0 && report.cursor().height() == report.tip().height()
                && report.cursor().hash().equals(report.tip().hash())) {
            reconciler.reconcile(report.cursor());
        }
    }
}
