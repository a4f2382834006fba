package io.chaintill.application;

import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainCursor;
import io.chaintill.chain.ChainLedger;
import io.chaintill.chain.ReceivedOutput;
import io.chaintill.chain.ethereum.CreditedAmounts;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The follower's ledger port for one chain, backed by the database through {@link ChainLedgerService}. */
public final class PersistentChainLedger implements ChainLedger, CreditedAmounts {
    private final TrackedChain chain;
    private final ChainLedgerService service;

    public PersistentChainLedger(TrackedChain chain, ChainLedgerService service) {
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

    @Override
    public Map<String, BigInteger> confirmedByPrompt(Collection<String> promptIds, int height) {
        return service.confirmedByPrompt(chain, promptIds, height);
    }
}
