package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcClient;
import io.chaintill.chain.integrity.ChainObserver;
import io.chaintill.chain.integrity.ChainWitness;
import io.chaintill.chain.integrity.IntegrityPolicy;
import io.chaintill.chain.integrity.StallBound;
import io.chaintill.chain.integrity.WitnessSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bitcoin's integrity observer: the primary ({@link BitcoinSources#primaryWitness}) and the witnesses of
 * {@code chaintill.btc.witnesses}, with the thresholds of {@code chaintill.btc.integrity.*} (docs/chain-integrity.md). On regtest the checks run only when witnesses are set,
 * so a bare development node that mines now and then never holds a payment.
 */
@ApplicationScoped
public class BitcoinWitnesses {
    static final String KEY = "chaintill.btc.witnesses";
    private static final Duration BLOCK_INTERVAL = Duration.ofMinutes(10);

    @Inject
    BitcoinSources sources;
    @Inject
    @ConfigProperty(name = KEY)
    Optional<String> witnesses;
    @Inject
    @ConfigProperty(name = "chaintill.btc.integrity.divergence-depth", defaultValue = "2")
    int divergenceDepth;
    @Inject
    @ConfigProperty(name = "chaintill.btc.integrity.lag-blocks", defaultValue = "2")
    int lagBlocks;
    /** -1: the Poisson bound (about 92 min) on mainnet, testnet and signet, off on regtest. */
    @Inject
    @ConfigProperty(name = "chaintill.btc.integrity.stall-seconds", defaultValue = "-1")
    long stallSeconds;
    /** -1: 4 on mainnet, off elsewhere (test networks have few peers). */
    @Inject
    @ConfigProperty(name = "chaintill.btc.integrity.min-peers", defaultValue = "-1")
    int minPeers;
    @Inject
    @ConfigProperty(name = "chaintill.btc.integrity.failover", defaultValue = "true")
    boolean failover;

    /**
     * The witnesses as sources the follower can fail over to while the primary does not answer (each through its
     * own client, credentials never printed); empty when {@code chaintill.btc.integrity.failover} is false.
     */
    public List<ChainSource> fallbacks() {
        if (!failover) {
            return List.of();
        }
        return WitnessSpec.parseList(witnesses.orElse(""), KEY, Set.of("bitcoind", "esplora")).stream()
                .map(s -> s.kind().equals("bitcoind")
                        ? (ChainSource) new BitcoindChainSource(new BitcoindRpcClient(s.url(), s.user(), s.password()))
                        : new EsploraChainSource(s.url()))
                .toList();
    }

    /** Empty when Bitcoin is not tracked, or on regtest without witnesses. */
    public Optional<ChainObserver> observer(String chain, ChainNetwork network) {
        List<WitnessSpec> specs = WitnessSpec.parseList(witnesses.orElse(""), KEY, Set.of("bitcoind", "esplora"));
        Optional<ChainWitness> primary = sources.primaryWitness(network);
        if (primary.isEmpty() || (specs.isEmpty() && network == ChainNetwork.REGTEST)) {
            return Optional.empty();
        }
        List<ChainWitness> list = specs.stream().map(s -> witness(s, network)).toList();
        Duration stall = stallSeconds >= 0 ? Duration.ofSeconds(stallSeconds)
                : network == ChainNetwork.REGTEST ? Duration.ZERO
                : StallBound.of(BLOCK_INTERVAL, StallBound.DEFAULT_FALSE_ALARM);
        int peers = minPeers >= 0 ? minPeers : network == ChainNetwork.MAINNET ? 4 : 0;
        IntegrityPolicy policy = new IntegrityPolicy(divergenceDepth, lagBlocks, stall, peers);
        return Optional.of(new ChainObserver(chain, primary.get(), list, policy,
                Optional.of(new BitcoinHeaderRules(network))));
    }

    private static ChainWitness witness(WitnessSpec s, ChainNetwork network) {
        return switch (s.kind()) {
            case "bitcoind" -> new BitcoindWitness(new BitcoindRpcClient(s.url(), s.user(), s.password()), network);
            default -> new EsploraWitness(s.url(), network);
        };
    }
}
