package io.chaintill.chain.ethereum;

import io.chaintill.chain.BroadcastRejectedException;
import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.ChainTip;
import io.chaintill.chain.ChainTransaction;
import io.chaintill.chain.FailoverSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * What the Ether and ERC-20 sources share: the chain's head and blocks by hash from one node, its pending block as
 * the mempool, and the chain id check. Subclasses say which payments a block and a pending transaction carry.
 */
public abstract class EthereumChainSource implements ChainSource {
    private final EthereumRpc rpc;
    private final long chainId;
    private final String chainIdKey;
    /** The pending block's payments as last listed, so {@link #mempoolTransaction} answers without another call. */
    private volatile Map<String, ChainTransaction> pending = Map.of();

    /** {@code chainIdKey} names the setting in the refusal ({@code chaintill.evm.base.chain-id}). */
    protected EthereumChainSource(EthereumRpc rpc, long chainId, String chainIdKey) {
        this.rpc = rpc;
        this.chainId = chainId;
        this.chainIdKey = chainIdKey;
    }

    /** The node this source reads. */
    public EthereumRpc rpc() {
        return rpc;
    }

    /** The Ethereum source a follower reads through {@code source} (the node a failover source chose this pass). */
    public static EthereumChainSource of(ChainSource source) {
        return (EthereumChainSource) FailoverSource.underlying(source);
    }

    /**
     * EVM chains are told apart by chain id, not by {@code chaintill.network}: the node must run the configured
     * chain id whatever network the Bitcoin side is on.
     */
    @Override
    public boolean runsOn(ChainNetwork network) {
        return refusal().isEmpty();
    }

    /** Why this node must not be used (another chain id), or empty. */
    public Optional<String> refusal() {
        long nodeChainId = rpc.chainId();
        if (nodeChainId == chainId) {
            return Optional.empty();
        }
        return Optional.of("the Ethereum node at " + rpc.url() + " runs chain id " + nodeChainId
                + ", but " + chainIdKey + " is " + chainId + "; Ethereum tracking refuses to use it");
    }

    @Override
    public ChainTip tip() {
        EthBlock.Block latest = rpc.latest();
        return new ChainTip(latest.getNumber().intValueExact(), latest.getHash());
    }

    @Override
    public Optional<String> blockHash(int height) {
        return rpc.blockByNumber(height).map(EthBlock.Block::getHash);
    }

    @Override
    public ChainBlock block(String hash) {
        EthBlock.Block block = rpc.blockByHash(hash, wantsFullTransactions())
                .orElseThrow(() -> new ChainSourceException("block " + hash + " is unknown to " + rpc.url()));
        return new ChainBlock(block.getHash(), block.getParentHash(), payments(block));
    }

    /**
     * Lists the node's pending block. Nodes that build none answer "pending" with their latest block (its number
     * is not above the tip): then there is no mempool to watch, and payments are seen when mined.
     */
    @Override
    public List<String> mempoolTxids() {
        long tip = rpc.latest().getNumber().longValueExact();
        Optional<EthBlock.Block> block = pendingBlockSafely();
        Map<String, ChainTransaction> found = new LinkedHashMap<>();
        if (block.isPresent() && block.get().getNumber() != null && block.get().getNumber().longValueExact() > tip) {
            for (EthBlock.TransactionResult<?> r : block.get().getTransactions()) {
                if (r instanceof EthBlock.TransactionObject tx) {
                    pendingPayment(tx).ifPresent(p -> found.put(p.txid(), p));
                }
            }
        }
        pending = found;
        return new ArrayList<>(found.keySet());
    }

    private Optional<EthBlock.Block> pendingBlockSafely() {
        try {
            return rpc.pendingBlock();
        } catch (ChainSourceException e) {
            // Some providers refuse "pending" altogether: then there is nothing to watch before blocks.
            if (e.getCause() == null) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<ChainTransaction> mempoolTransaction(String txid) {
        return Optional.ofNullable(pending.get(txid));
    }

    @Override
    public String broadcast(String hex) {
        throw new BroadcastRejectedException("broadcasting is not offered for Ethereum");
    }

    protected abstract boolean wantsFullTransactions();

    /** The payments a mined block carries, as outputs keyed by destination match key. */
    protected abstract List<ChainTransaction> payments(EthBlock.Block block);

    /** The payment a pending transaction would make, if it makes one this source tracks. */
    protected abstract Optional<ChainTransaction> pendingPayment(EthBlock.TransactionObject tx);
}
