package io.chaintill.application.payout;

import io.chaintill.application.payout.PayoutChainLedgerService.PayoutChain;
import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainCursor;
import io.chaintill.chain.ChainLedger;
import io.chaintill.chain.ReceivedOutput;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The follower's ledger port for payouts: the same {@link io.chaintill.chain.ChainFollower} that finds invoice
 * payments (blocks in order, reorgs, mempool or pending block) finds payout payments, for every chain with a
 * follower, through {@link PayoutChainLedgerService}.
 */
public final class PayoutChainLedger implements ChainLedger {
    private final PayoutChain chain;
    private final PayoutChainLedgerService service;

    public PayoutChainLedger(PayoutChain chain, PayoutChainLedgerService service) {
        this.chain = chain;
        this.service = service;
    }

    @Override
    public Optional<ChainCursor> cursor() {
        return service.cursor(chain);
    }

    @Override
    public void startAt(ChainCursor start) {
        service.startAt(chain, start);
    }

    @Override
    public Optional<String> blockHash(int height) {
        return service.blockHash(chain, height);
    }

    @Override
    public boolean applyBlock(int height, ChainBlock block, ChainCursor expectedParent, List<ReceivedOutput> received) {
        return service.applyBlock(chain, height, block, expectedParent, received);
    }

    @Override
    public void recordConfirmed(int height, String blockHash, List<ReceivedOutput> received) {
        service.recordConfirmed(chain, height, blockHash, received);
    }

    @Override
    public void rewindTo(ChainCursor forkPoint) {
        service.rewindTo(chain, forkPoint);
    }

    @Override
    public void recordUnconfirmed(List<ReceivedOutput> received) {
        service.recordUnconfirmed(chain, received);
    }

    @Override
    public Set<String> unconfirmedTxids() {
        return service.unconfirmedTxids(chain);
    }

    @Override
    public void dropTransactions(Collection<String> txids) {
        service.dropTransactions(chain, txids);
    }
}
