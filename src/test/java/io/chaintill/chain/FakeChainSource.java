package io.chaintill.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory chain for unit tests: mine blocks, reorg them away, put transactions in the mempool. */
final class FakeChainSource implements ChainSource {
    final List<ChainBlock> best = new ArrayList<>();
    final Map<String, ChainBlock> byHash = new LinkedHashMap<>();
    final Map<String, ChainTransaction> mempool = new LinkedHashMap<>();
    int blockFetches;
    int mempoolFetches;
    private int nonce;

    FakeChainSource(int height) {
        ChainBlock genesis = new ChainBlock("h0-genesis", "none", List.of());
        best.add(genesis);
        byHash.put(genesis.hash(), genesis);
        for (int i = 0; i < height; i++) {
            mine(List.of());
        }
    }

    static ChainTransaction payment(String txid, String script, long value, String... spends) {
        return new ChainTransaction(txid, false, List.of(new ChainOutput(0, "other", BigInteger.TEN),
                new ChainOutput(1, script, BigInteger.valueOf(value))), List.of(spends));
    }

    /** Mines the given transactions, removing them (and their conflicts) from the mempool. */
    String mine(List<ChainTransaction> txs) {
        ChainBlock parent = best.get(best.size() - 1);
        String hash = "h" + best.size() + "-" + (nonce++);
        ChainBlock block = new ChainBlock(hash, parent.hash(), txs);
        best.add(block);
        byHash.put(hash, block);
        for (ChainTransaction tx : txs) {
            mempool.remove(tx.txid());
            mempool.values().removeIf(m -> m.spentOutpoints().stream().anyMatch(tx.spentOutpoints()::contains));
        }
        return hash;
    }

    /** Disconnects the top {@code depth} blocks; their transactions go back to the mempool like bitcoind does. */
    void disconnect(int depth) {
        for (int i = 0; i < depth; i++) {
            ChainBlock gone = best.remove(best.size() - 1);
            gone.transactions().forEach(tx -> mempool.put(tx.txid(), tx));
        }
    }

    /** Runs right after the mempool was listed: what another server node does meanwhile. */
    Runnable afterMempoolListed = () -> { };

    @Override
    public String describe() {
        return "fake";
    }

    @Override
    public boolean runsOn(ChainNetwork network) {
        return network == ChainNetwork.REGTEST;
    }

    @Override
    public ChainTip tip() {
        return new ChainTip(best.size() - 1, best.get(best.size() - 1).hash());
    }

    @Override
    public Optional<String> blockHash(int height) {
        return height < best.size() ? Optional.of(best.get(height).hash()) : Optional.empty();
    }

    @Override
    public ChainBlock block(String hash) {
        blockFetches++;
        return byHash.get(hash);
    }

    @Override
    public List<String> mempoolTxids() {
        List<String> listed = List.copyOf(mempool.keySet());
        afterMempoolListed.run();
        return listed;
    }

    @Override
    public Optional<ChainTransaction> mempoolTransaction(String txid) {
        mempoolFetches++;
        return Optional.ofNullable(mempool.get(txid));
    }

    @Override
    public String broadcast(String hex) {
        throw new BroadcastRejectedException("not supported");
    }
}
