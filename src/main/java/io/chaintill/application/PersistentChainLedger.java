package io.chaintill.application;

import io.chaintill.chain.BoundChainLedger;
import io.chaintill.chain.ethereum.CreditedAmounts;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The follower's ledger port for one invoice chain, backed by the database through {@link ChainLedgerService};
 * also what the token tracking asks for the amounts already credited.
 */
public final class PersistentChainLedger extends BoundChainLedger<TrackedChain> implements CreditedAmounts {
    private final ChainLedgerService service;

    public PersistentChainLedger(TrackedChain chain, ChainLedgerService service) {
        super(chain, service);
        this.service = service;
    }

    @Override
    public Map<String, BigInteger> confirmedByPrompt(Collection<String> promptIds, int height) {
        return service.confirmedByPrompt(chain, promptIds, height);
    }
}
