package io.chaintill.chain.ethereum;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** What the ledger already credited to destinations, for comparing with their on-chain balance. */
public interface CreditedAmounts {

    /** Sum of valid payments per prompt id confirmed at or below {@code height}; prompts without any are absent. */
    Map<String, BigInteger> confirmedByPrompt(Collection<String> promptIds, int height);
}
