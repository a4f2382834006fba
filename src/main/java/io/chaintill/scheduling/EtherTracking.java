package io.chaintill.scheduling;

import io.chaintill.application.ChainHeights;
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
import io.chaintill.chain.ethereum.EvmChain;
import io.chaintill.domain.payment.PaymentMethodId;
import java.util.Optional;

/**
 * A chain's native coin in the follow loop (ETH-CHAIN, ETH-BASE ...): top-level transactions by block, plus
 * balance reconciliation at the tip. Keyed like {@link ChainHeights#chainOf}: {@code ETH} on Ethereum, the
 * method id elsewhere.
 */
final class EtherTracking implements ChainFollowLoop.Chain {
    /** Ethereum's native follower, also the health entry reported when no EVM chain is configured. */
    static final String KEY = "ETH";

    private final ChainLedgerService ledgerService;
    private final PaymentMethodId method;
    private final String key;
    private final int firstScanDepth;
    private final int balanceChecksPerPass;
    private EtherBalanceReconciler reconciler;

    EtherTracking(EvmChain chain, ChainLedgerService ledgerService) {
        this.ledgerService = ledgerService;
        this.method = chain.nativeMethod();
        this.key = ChainHeights.chainOf(method);
        this.firstScanDepth = chain.firstScanDepth();
        this.balanceChecksPerPass = chain.balanceChecksPerPass();
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public PaymentMethodId method() {
        return method;
    }

    @Override
    public String matchKey(String address) {
        return EthereumAddresses.matchKey(address);
    }

    @Override
    public Optional<String> refusal(ChainSource source) {
        return EthereumChainSource.of(source).refusal();
    }

    @Override
    public ChainFollower follower(ChainSource source, WatchedDestinations watched) {
        PersistentChainLedger ledger = new PersistentChainLedger(new TrackedChain(key, method, 18), ledgerService);
        reconciler = new EtherBalanceReconciler(source, ledger, ledger, watched, balanceChecksPerPass);
        return new ChainFollower(key, source, ledger, watched, firstScanDepth, 100);
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
