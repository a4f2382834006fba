package io.chaintill.bench;

import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainOutput;
import io.chaintill.chain.ChainTip;
import io.chaintill.chain.ChainTransaction;
import io.chaintill.chain.ReceivedOutput;
import io.chaintill.chain.WatchedDestination;
import io.chaintill.chain.WatchedDestinations;
import io.chaintill.chain.integrity.BlockHeader;
import io.chaintill.chain.integrity.ChainObserver;
import io.chaintill.chain.integrity.ChainWitness;
import io.chaintill.chain.integrity.IntegrityPolicy;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Requests the chain integrity checks cost per block ({@code -Dbench=witness}): a primary and one witness over the
 * same in-memory chain, every request counted. Per block: one pass of {@link ChainObserver} (tips, headers, block
 * times, divergence, work) and, for each payment that reaches its confirmation in it, the witness confirmation
 * asked before it settles. Each block pays {@value #PAYMENTS_PER_BLOCK} of the watched destinations among
 * {@value #TXS} transactions, so the watched set is really matched; measured with 1k and 100k watched. The limit
 * is the 1k figure: the promise is a bounded cost per block plus one per settling payment, so the ratio is 1.
 */
final class WitnessChecksBenchmark implements Benchmarks.Benchmark {
    private static final int BLOCKS = 50;
    private static final int TXS = 500;
    private static final int PAYMENTS_PER_BLOCK = 5;

    @Override
    public String name() {
        return "witness";
    }

    @Override
    public String run() {
        StringBuilder result = new StringBuilder();
        double baseline = 0;
        for (int watchedCount : new int[] {1_000, 100_000}) {
            double[] perBlock = measure(watchedCount);
            if (baseline == 0) {
                baseline = perBlock[0];
            }
            System.out.printf("%,d watched: %.2f requests per block: %.2f for the pass, %.2f for %.2f settling payments%n",
                    watchedCount, perBlock[0], perBlock[1], perBlock[2], perBlock[3]);
            result.append(String.format("%,d watched %.2f requests/block (pass %.2f + %.2f for %.0f settling payments,"
                    + " ratio %.2f); ", watchedCount, perBlock[0], perBlock[1], perBlock[2], perBlock[3],
                    perBlock[0] / baseline));
        }
        return result.toString();
    }

    /** {total, pass, settling, payments} per block. */
    private static double[] measure(int watchedCount) {
        Random random = new Random(7);
        WatchedDestinations watched = new WatchedDestinations();
        List<String> scripts = new ArrayList<>();
        for (int i = 0; i < watchedCount; i++) {
            String script = randomScript(random);
            scripts.add(script);
            watched.add(new WatchedDestination(script, "addr" + i, "inv" + i, "p" + i));
        }
        MemoryChain chain = new MemoryChain();
        for (int i = 0; i < 20; i++) {
            chain.mine(List.of());
        }
        Counting primary = new Counting("primary", chain);
        Counting witness = new Counting("witness", chain);
        ChainObserver observer = new ChainObserver("BTC", primary, List.of(witness),
                new IntegrityPolicy(2, 2, Duration.ofMinutes(90), 0), Optional.of((header, parent) -> Optional.empty()));
        Instant now = Instant.parse("2026-12-02T07:00:00Z");
        observer.observe(now); // first sight: the header window, not a per-block cost
        long passRequests = 0;
        long settleRequests = 0;
        long payments = 0;
        int next = 0;
        for (int b = 0; b < BLOCKS; b++) {
            List<ChainTransaction> txs = new ArrayList<>();
            for (int t = 0; t < TXS; t++) {
                String script = t < PAYMENTS_PER_BLOCK ? scripts.get(next++ % scripts.size()) : randomScript(random);
                txs.add(new ChainTransaction("tx" + b + "-" + t, false,
                        List.of(new ChainOutput(0, script, BigInteger.valueOf(1000 + t))), List.of()));
            }
            String hash = chain.mine(txs);
            int height = chain.height();
            now = now.plusSeconds(600);
            long before = primary.requests + witness.requests;
            observer.observe(now);
            long afterPass = primary.requests + witness.requests;
            for (ReceivedOutput paid : watched.match(chain.blocks.get(height))) {
                payments++;
                if (observer.witnessDisagreement(paid.txid(), hash, height, 1).isPresent()) {
                    throw new IllegalStateException("the witness should confirm " + paid.txid());
                }
            }
            passRequests += afterPass - before;
            settleRequests += primary.requests + witness.requests - afterPass;
        }
        return new double[] {(passRequests + settleRequests) / (double) BLOCKS, passRequests / (double) BLOCKS,
                settleRequests / (double) BLOCKS, payments / (double) BLOCKS};
    }

    private static String randomScript(Random random) {
        byte[] b = new byte[22];
        random.nextBytes(b);
        b[0] = 0;
        b[1] = 20;
        return HexFormat.of().formatHex(b);
    }

    /** One chain both sources see, a block every 10 minutes. */
    private static final class MemoryChain {
        final List<ChainBlock> blocks = new ArrayList<>();
        final Map<String, Integer> heights = new HashMap<>();

        String mine(List<ChainTransaction> txs) {
            String hash = String.format("%064x", blocks.size() + 1);
            blocks.add(new ChainBlock(hash, blocks.isEmpty() ? "" : blocks.get(blocks.size() - 1).hash(), txs));
            heights.put(hash, blocks.size() - 1);
            return hash;
        }

        int height() {
            return blocks.size() - 1;
        }
    }

    /** A source over the chain that counts every request, as a node's RPC would see them. */
    private static final class Counting implements ChainWitness {
        private final String name;
        private final MemoryChain chain;
        long requests;

        Counting(String name, MemoryChain chain) {
            this.name = name;
            this.chain = chain;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public Optional<String> networkMismatch() {
            requests++;
            return Optional.empty();
        }

        @Override
        public ChainTip tip() {
            requests++;
            return new ChainTip(chain.height(), chain.blocks.get(chain.height()).hash());
        }

        @Override
        public Optional<String> blockHash(int height) {
            requests++;
            return height <= chain.height() ? Optional.of(chain.blocks.get(height).hash()) : Optional.empty();
        }

        @Override
        public BlockHeader header(String hash) {
            requests++;
            int h = chain.heights.get(hash);
            return new BlockHeader(h, hash, chain.blocks.get(h).previousHash(),
                    Instant.parse("2026-12-02T07:00:00Z").plusSeconds(600L * (h - 20)), new byte[80]);
        }

        @Override
        public boolean includes(String txid, String blockHash) {
            requests++;
            return chain.blocks.get(chain.heights.get(blockHash)).transactions().stream()
                    .anyMatch(tx -> tx.txid().equals(txid));
        }
    }
}
