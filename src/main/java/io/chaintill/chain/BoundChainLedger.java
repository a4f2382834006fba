package io.chaintill.chain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A {@link ChainLedger} for one chain of a {@link KeyedChainLedger}: every call carries that chain's key. */
public class BoundChainLedger<C> implements ChainLedger {
    protected final C chain;
    private final KeyedChainLedger<C> store;

    public BoundChainLedger(C chain, KeyedChainLedger<C> store) {
        this.chain = chain;
        this.store = store;
    }

    @Override
    public Optional<ChainCursor> cursor() {
        return store.cursor(chain);
    }

    @Override
    public void startAt(ChainCursor start) {
        store.startAt(chain, start);
    }

    @Override
    public Optional<String> blockHash(int height) {
        return store.blockHash(chain, height);
    }

    @Override
    public boolean applyBlock(int height, ChainBlock block, ChainCursor expectedParent, List<ReceivedOutput> received) {
        return store.applyBlock(chain, height, block, expectedParent, received);
    }

    @Override
    public void recordConfirmed(int height, String blockHash, List<ReceivedOutput> received) {
        store.recordConfirmed(chain, height, blockHash, received);
    }

    @Override
    public void rewindTo(ChainCursor forkPoint) {
        store.rewindTo(chain, forkPoint);
    }

    @Override
    public void recordUnconfirmed(List<ReceivedOutput> received) {
        store.recordUnconfirmed(chain, received);
    }

    @Override
    public Set<String> unconfirmedTxids() {
        return store.unconfirmedTxids(chain);
    }

    @Override
    public void dropTransactions(Collection<String> txids) {
        store.dropTransactions(chain, txids);
    }
}
