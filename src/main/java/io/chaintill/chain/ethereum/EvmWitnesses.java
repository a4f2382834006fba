package io.chaintill.chain.ethereum;

import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.integrity.ChainObserver;
import io.chaintill.chain.integrity.ChainWitness;
import io.chaintill.chain.integrity.IntegrityPolicy;
import io.chaintill.chain.integrity.WitnessSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.web3j.protocol.core.methods.response.EthBlock;

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

    /**
     * The witnesses as nodes the follower may read while the primary does not answer, in their configured order;
     * empty unless {@code <prefix>.integrity.failover} is true. A witness is otherwise asked for tips, hashes,
     * headers and receipts only; a follower asks for much more (every block with its transactions, each token's
     * logs per block, the pending block, balances), which the operator allows per chain with that key.
     */
    public static List<EthereumRpc> fallbacks(Config config, String prefix) {
        if (!config.getOptionalValue(prefix + ".integrity.failover", Boolean.class).orElse(false)) {
            return List.of();
        }
        String key = prefix + ".witnesses";
        return WitnessSpec.parseList(config.getOptionalValue(key, String.class).orElse(""), key, Set.of("ethereum"))
                .stream().map(s -> new EthereumRpc(s.url(), s.user(), s.password())).toList();
    }

    /**
     * Why a witness cannot stand in for the primary, or empty: asked once before it is first followed, it must
     * serve what the follower reads (its latest block with transactions, eth_getLogs by block hash for each token,
     * eth_getBalance at that block when balances are reconciled). A provider endpoint that refuses one of them
     * (a plan without logs) is never followed, rather than followed into failing passes.
     */
    public static Optional<String> notFollowable(EthereumRpc rpc, List<Erc20Token> tokens, boolean balances) {
        try {
            EthBlock.Block latest = rpc.latest();
            rpc.blockByHash(latest.getHash(), true)
                    .orElseThrow(() -> new ChainSourceException("eth_getBlockByHash of its latest block"
                            + " answered nothing"));
            for (Erc20Token token : tokens) {
                rpc.logs(latest.getHash(), token.contract(), List.of(List.of(Erc20Transfers.TRANSFER_TOPIC)));
            }
            if (balances) {
                rpc.balance("0x0000000000000000000000000000000000000000", latest.getNumber().longValueExact());
            }
            return Optional.empty();
        } catch (ChainSourceException e) {
            return Optional.of("it does not serve what the follower reads (" + e.getMessage() + ")");
        }
    }
}
