package io.chaintill.bench;

import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainTransaction;
import io.chaintill.chain.WatchedDestination;
import io.chaintill.chain.WatchedDestinations;
import io.chaintill.chain.bitcoin.BitcoinTransactions;
import io.chaintill.chain.bitcoin.DerivationScheme;
import io.chaintill.support.ApiClient;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.script.Script;

/**
 * The cost of scanning one mainnet-sized block (3,000 transactions, 2 inputs and 3 outputs each, 30 paying
 * watched destinations): conversion from bitcoinj plus matching every output, against 1k to 1M watched
 * destinations. The limit is the same scan with 1k watched: a flat cost gives ratios near 1.
 */
final class BlockScanBenchmark implements Benchmarks.Benchmark {
    private static final int TXS = 3000;

    @Override
    public String name() {
        return "blockscan";
    }

    @Override
    public String run() {
        Random random = new Random(42);
        DerivationScheme scheme = DerivationScheme.parse(ApiClient.TEST_VPUB, ChainNetwork.REGTEST);
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < TXS; i++) {
            Transaction tx = new Transaction();
            for (int in = 0; in < 2; in++) {
                byte[] prev = new byte[32];
                random.nextBytes(prev);
                tx.addInput(new TransactionInput(tx, new byte[0], new TransactionOutPoint(in, Sha256Hash.wrap(prev))));
            }
            for (int out = 0; out < 3; out++) {
                byte[] program = new byte[22];
                random.nextBytes(program);
                program[0] = 0;
                program[1] = 20;
                // every 100th transaction pays a watched destination, so matches are part of the cost
                byte[] script = out == 0 && i % 100 == 0 ? scheme.receiveScriptPubKey(i / 100) : program;
                tx.addOutput(Coin.valueOf(1000 + random.nextInt(1_000_000)), Script.parse(script));
            }
            txs.add(tx);
        }
        StringBuilder result = new StringBuilder();
        double baseline = 0;
        for (int watchedCount : new int[] {1_000, 10_000, 100_000, 1_000_000}) {
            WatchedDestinations watched = new WatchedDestinations();
            for (int i = 0; i < watchedCount; i++) {
                // derive the first 10k for real; the rest are random scripts (derivation is not what is measured)
                String script = i < 10_000 ? HexFormat.of().formatHex(scheme.receiveScriptPubKey(i)) : randomScript(random);
                watched.add(new WatchedDestination(script, "addr" + i, "inv" + i, "p" + i));
            }
            long best = Long.MAX_VALUE;
            int found = 0;
            for (int round = 0; round < 30; round++) {
                long start = System.nanoTime();
                List<ChainTransaction> converted = new ArrayList<>(TXS);
                for (Transaction tx : txs) {
                    converted.add(BitcoinTransactions.transaction(tx));
                }
                found = watched.match(new ChainBlock("h", "p", converted)).size();
                best = Math.min(best, System.nanoTime() - start);
            }
            double ms = best / 1e6;
            if (baseline == 0) {
                baseline = ms;
            }
            System.out.printf("block of %d txs / %d outputs, %,d watched: best %.2f ms (%d matches)%n",
                    TXS, TXS * 3, watchedCount, ms, found);
            result.append(String.format("%,d watched %.2f ms (ratio %.2f); ", watchedCount, ms, ms / baseline));
        }
        return result.toString();
    }

    private static String randomScript(Random random) {
        byte[] b = new byte[22];
        random.nextBytes(b);
        b[0] = 0;
        b[1] = 20;
        return HexFormat.of().formatHex(b);
    }
}
