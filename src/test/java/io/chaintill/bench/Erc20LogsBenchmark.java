package io.chaintill.bench;

import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.WatchedDestination;
import io.chaintill.chain.WatchedDestinations;
import io.chaintill.chain.ethereum.Erc20ChainSource;
import io.chaintill.chain.ethereum.Erc20Token;
import io.chaintill.chain.ethereum.Erc20Transfers;
import io.chaintill.chain.ethereum.EthereumAddresses;
import io.chaintill.chain.ethereum.EthereumRpc;
import io.chaintill.support.AnvilNode;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * How to find a token's payments in a block: (a) all Transfer logs of the contract in the block, matched in memory
 * against the watched index (what {@link Erc20ChainSource} does), or (b) eth_getLogs filtered on the recipient
 * topic, the watched addresses sent in batches. Runs on a real anvil with one block of {@value #TRANSFERS}
 * transfers (a busy mainnet token's block), {@value #PAID} of them to watched addresses, and 1 to 10,000 watched
 * addresses. The limit is (a) with 1 watched address: every figure is reported as a ratio to it.
 */
final class Erc20LogsBenchmark implements Benchmarks.Benchmark {
    private static final int TRANSFERS = 300;
    private static final int PAID = 30;
    private static final int RUNS = 21;

    @Override
    public String name() {
        return "erc20logs";
    }

    @Override
    public String run() throws Exception {
        try (AnvilNode node = AnvilNode.start(1337)) {
            String contract = node.deployTestToken("Bench", "BNCH", BigInteger.TEN.pow(18));
            Random random = new Random(7);
            List<String> watchedAll = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                watchedAll.add(randomAddress(random));
            }
            node.setAutomine(false);
            for (int i = 0; i < TRANSFERS; i++) {
                String to = i < PAID ? watchedAll.get(i) : randomAddress(random);
                node.tokenTransfer(contract, 0, to, BigInteger.valueOf(1000 + i));
            }
            node.mine(1);
            String blockHash = node.blockHash(node.blockNumber());
            EthereumRpc rpc = new EthereumRpc(URI.create(node.rpcUrl()));
            Erc20ChainSource source = new Erc20ChainSource(rpc, new Erc20Token("BNCH",
                    EthereumAddresses.checksum(contract), 6, 1337));
            StringBuilder out = new StringBuilder();
            double limit = 0;
            for (int watchedCount : new int[] {1, 100, 1_000, 10_000}) {
                WatchedDestinations watched = new WatchedDestinations();
                for (int i = 0; i < watchedCount; i++) {
                    String a = watchedAll.get(i);
                    watched.add(new WatchedDestination(EthereumAddresses.matchKey(a), a, "inv" + i, "p" + i));
                }
                double all = medianMillis(() -> {
                    ChainBlock block = source.block(blockHash);
                    int found = watched.match(block).size();
                    check(found, Math.min(watchedCount, PAID));
                });
                if (limit == 0) {
                    limit = all;
                }
                out.append(String.format("watched %,d: all logs %.1f ms (x%.2f)", watchedCount, all, all / limit));
                for (int batch : new int[] {1, 100, 1_000}) {
                    if (batch > watchedCount || (batch == 1 && watchedCount > 100)) {
                        continue; // one request per watched address: 10,000 requests per block is not an option
                    }
                    List<String> topics = watchedAll.subList(0, watchedCount).stream()
                            .map(a -> "0x000000000000000000000000" + EthereumAddresses.matchKey(a)).toList();
                    double filtered = medianMillis(() -> {
                        int found = 0;
                        for (int from = 0; from < topics.size(); from += batch) {
                            List<String> recipients = topics.subList(from, Math.min(topics.size(), from + batch));
                            found += rpc.logs(blockHash, contract, List.of(List.of(Erc20Transfers.TRANSFER_TOPIC),
                                    List.of(), recipients)).size();
                        }
                        check(found, Math.min(watchedCount, PAID));
                    });
                    out.append(String.format("; filtered, %,d per request: %.1f ms (x%.2f)", batch, filtered, filtered / limit));
                }
                out.append(" | ");
            }
            return out.toString();
        }
    }

    private static void check(int found, int expected) {
        if (found != expected) {
            throw new IllegalStateException("found " + found + " transfers to watched addresses, expected " + expected);
        }
    }

    private static String randomAddress(Random random) {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return EthereumAddresses.checksum("0x" + HexFormat.of().formatHex(b));
    }

    private static double medianMillis(Runnable work) {
        work.run(); // warm-up
        double[] runs = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.run();
            runs[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(runs);
        return runs[RUNS / 2];
    }
}
