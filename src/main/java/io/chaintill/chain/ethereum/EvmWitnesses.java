package io.chaintill.chain.ethereum;

import io.chaintill.chain.integrity.ChainObserver;
import io.chaintill.chain.integrity.ChainWitness;
import io.chaintill.chain.integrity.IntegrityPolicy;
import io.chaintill.chain.integrity.WitnessSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The integrity observer of one EVM chain, configured under a prefix: {@code chaintill.eth} for Ethereum,
 * {@code chaintill.evm.<chain>} for the others. Reads {@code <prefix>.witnesses} (comma-separated
 * {@code ethereum:http://...} entries) and {@code <prefix>.integrity.divergence-depth} (default 3),
 * {@code .lag-blocks} (10), {@code .stall-seconds} (0 = off: development nodes such as anvil mine only on demand).
 * Headers are not checked by ChainTill itself (proof of stake has no work to check); divergence and witness
 * confirmation stand in for it.
 */
public final class EvmWitnesses {
    private EvmWitnesses() {
    }

    /** Empty when neither witnesses nor a stall bound are configured: the chain runs unchecked, as before. */
    public static Optional<ChainObserver> observer(Config config, String chain, String prefix, String primaryUrl,
                                                   long chainId) {
        String key = prefix + ".witnesses";
        List<WitnessSpec> specs = WitnessSpec.parseList(config.getOptionalValue(key, String.class).orElse(""), key,
                Set.of("ethereum"));
        long stallSeconds = config.getOptionalValue(prefix + ".integrity.stall-seconds", Long.class).orElse(0L);
        if (specs.isEmpty() && stallSeconds <= 0) {
            return Optional.empty();
        }
        IntegrityPolicy policy = new IntegrityPolicy(
                config.getOptionalValue(prefix + ".integrity.divergence-depth", Integer.class).orElse(3),
                config.getOptionalValue(prefix + ".integrity.lag-blocks", Integer.class).orElse(10),
                Duration.ofSeconds(Math.max(0, stallSeconds)), 0);
        WitnessSpec primary = WitnessSpec.parseList("ethereum:" + primaryUrl, prefix + ".rpc.url", Set.of("ethereum")).get(0);
        List<ChainWitness> witnesses = specs.stream()
                .map(s -> (ChainWitness) new EthereumWitness(s.url(), s.user(), s.password(), chainId)).toList();
        return Optional.of(new ChainObserver(chain, new EthereumWitness(primary.url(), primary.user(), primary.password(),
                chainId), witnesses, policy, Optional.empty()));
    }
}
