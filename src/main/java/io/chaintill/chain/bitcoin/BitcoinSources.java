package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcClient;
import io.chaintill.chain.integrity.ChainWitness;
import io.chaintill.chain.integrity.WitnessSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured Bitcoin chain source: bitcoind JSON-RPC when {@code chaintill.btc.rpc.url} is set, otherwise an
 * Esplora HTTP API when {@code chaintill.btc.esplora.url} is set, otherwise none (Bitcoin tracking off).
 */
@ApplicationScoped
public class BitcoinSources {
    @Inject
    @ConfigProperty(name = "chaintill.btc.rpc.url")
    Optional<String> rpcUrl;
    @Inject
    @ConfigProperty(name = "chaintill.btc.rpc.user")
    Optional<String> rpcUser;
    @Inject
    @ConfigProperty(name = "chaintill.btc.rpc.password")
    Optional<String> rpcPassword;
    @Inject
    @ConfigProperty(name = "chaintill.btc.esplora.url")
    Optional<String> esploraUrl;

    private volatile ChainSource source;
    /** One client (and HTTP connection pool) for the payout batches, made on first use. */
    private volatile BitcoinPayoutNode payoutNode;

    public Optional<ChainSource> source() {
        if (source == null) {
            source = create().orElse(null);
        }
        return Optional.ofNullable(source);
    }

    /**
     * The same node or Esplora, through its own read-only client, as the primary witness of the integrity checks;
     * credentials in the RPC URL's user info win over {@code chaintill.btc.rpc.user/password} and are never printed.
     */
    public Optional<ChainWitness> primaryWitness(ChainNetwork network) {
        Optional<String> rpc = rpcUrl.map(String::strip).filter(s -> !s.isEmpty());
        if (rpc.isPresent()) {
            WitnessSpec spec = WitnessSpec.parseList("bitcoind:" + rpc.get(), "chaintill.btc.rpc.url", Set.of("bitcoind")).get(0);
            boolean inUrl = !spec.user().isEmpty();
            return Optional.of(new BitcoindWitness(new BitcoindRpcClient(spec.url(), inUrl ? spec.user() : rpcUser.orElse(""),
                    inUrl ? spec.password() : rpcPassword.orElse("")), network));
        }
        return esploraUrl.map(String::strip).filter(s -> !s.isEmpty())
                .map(url -> new EsploraWitness(URI.create(url), network));
    }

    /** The node itself when the source is bitcoind (payout batches need its PSBT finalizer and UTXO set). */
    public Optional<BitcoinPayoutNode> payoutNode() {
        if (payoutNode == null) {
            payoutNode = rpcUrl.map(String::strip).filter(s -> !s.isEmpty()).map(url -> new BitcoinPayoutNode(
                    new BitcoindRpcClient(URI.create(url), rpcUser.orElse(""), rpcPassword.orElse("")))).orElse(null);
        }
        return Optional.ofNullable(payoutNode);
    }

    private Optional<ChainSource> create() {
        Optional<String> rpc = rpcUrl.map(String::strip).filter(s -> !s.isEmpty());
        if (rpc.isPresent()) {
            return Optional.of(new BitcoindChainSource(new BitcoindRpcClient(URI.create(rpc.get()),
                    rpcUser.orElse(""), rpcPassword.orElse(""))));
        }
        return esploraUrl.map(String::strip).filter(s -> !s.isEmpty())
                .map(url -> new EsploraChainSource(URI.create(url)));
    }
}
