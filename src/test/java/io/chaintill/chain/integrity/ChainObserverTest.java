package io.chaintill.chain.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.ChainTip;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChainObserverTest {
    private static final Instant T0 = Instant.parse("2026-12-02T03:00:00Z");
    private static final IntegrityPolicy POLICY = new IntegrityPolicy(2, 2, Duration.ofMinutes(30), 0);

    /** A source with a chain of hashes "<prefix><height>", each block 10 minutes after T0 - 1 day. */
    static final class Fake implements ChainWitness {
        final String name;
        final List<String> chain = new ArrayList<>();
        final Set<String> txInBlock = new HashSet<>();
        boolean down;
        String mismatch;
        int requests;
        String badHeaderHash;
        final java.util.Map<String, java.math.BigInteger> work = new java.util.HashMap<>();

        Fake(String name) {
            this.name = name;
        }

        Fake blocks(String prefix, int fromHeight, int toHeight) {
            while (chain.size() > fromHeight) {
                chain.remove(chain.size() - 1);
            }
            for (int h = fromHeight; h <= toHeight; h++) {
                chain.add(prefix + h);
            }
            return this;
        }

        private void answer() {
            requests++;
            if (down) {
                throw new ChainSourceException(name + " refused the connection");
            }
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public Optional<String> networkMismatch() {
            answer();
            return Optional.ofNullable(mismatch);
        }

        @Override
        public ChainTip tip() {
            answer();
            return new ChainTip(chain.size() - 1, chain.get(chain.size() - 1));
        }

        @Override
        public Optional<String> blockHash(int height) {
            answer();
            return height < chain.size() ? Optional.of(chain.get(height)) : Optional.empty();
        }

        @Override
        public BlockHeader header(String hash) {
            answer();
            int h = chain.indexOf(hash);
            return new BlockHeader(h, hash, h == 0 ? "" : chain.get(h - 1), T0.minus(Duration.ofDays(1))
                    .plus(Duration.ofMinutes(10L * h)), hash.equals(badHeaderHash) ? new byte[] {1} : new byte[0]);
        }

        @Override
        public boolean includes(String txid, String blockHash) {
            answer();
            return txInBlock.contains(txid + "@" + blockHash) && chain.contains(blockHash);
        }

        @Override
        public OptionalInt peers() {
            return OptionalInt.of(1);
        }

        @Override
        public Optional<java.math.BigInteger> chainWork(String hash) {
            answer();
            return Optional.ofNullable(work.get(hash));
        }
    }

    /** Links checked the way a chain's rules would; a header whose raw bytes are [1] is invalid. */
    private static final HeaderRules RULES = (header, parent) -> {
        if (!header.previousHash().equals(parent.hash())) {
            return Optional.of("does not link");
        }
        return header.raw().length == 1 ? Optional.of("no work") : Optional.empty();
    };

    private static Set<AlertKind> kinds(List<Condition> conditions) {
        Set<AlertKind> out = new HashSet<>();
        conditions.forEach(c -> out.add(c.kind()));
        return out;
    }

    @Test
    void agreeingSourcesRaiseNothing() {
        Fake p = new Fake("p").blocks("a", 0, 20);
        Fake w = new Fake("w").blocks("a", 0, 20);
        ChainObserver o = new ChainObserver("BTC", p, List.of(w), POLICY, Optional.of(RULES));
        assertEquals(List.of(), o.observe(T0));
    }

    @Test
    void aForkDeeperThanTheDepthIsADivergenceAndAShallowOneIsNot() {
        Fake p = new Fake("p").blocks("a", 0, 20);
        Fake w = new Fake("w").blocks("a", 0, 20);
        ChainObserver o = new ChainObserver("BTC", p, List.of(w), POLICY, Optional.empty());
        w.blocks("b", 19, 20); // a two-block race
        assertTrue(o.observe(T0).isEmpty());
        w.blocks("b", 18, 21);
        p.blocks("a", 0, 21);
        List<Condition> raised = o.observe(T0);
        assertEquals(Set.of(AlertKind.DIVERGENCE), kinds(raised));
        assertEquals(List.of("primary p", "witness w"), raised.get(0).sources());
        assertEquals(19, raised.get(0).height());
        assertEquals(List.of("a19", "b19"), raised.get(0).hashes());
    }

    @Test
    void unchangedTipsCostOneRequestPerSourcePerPass() {
        Fake p = new Fake("p").blocks("a", 0, 20);
        Fake w = new Fake("w").blocks("a", 0, 20);
        ChainObserver o = new ChainObserver("BTC", p, List.of(w), POLICY, Optional.of(RULES));
        o.observe(T0);
        int before = p.requests + w.requests;
        o.observe(T0.plusSeconds(2));
        assertEquals(2, p.requests + w.requests - before);
    }

    @Test
    void aLaggingAndThenStalledWitness() {
        Fake p = new Fake("p").blocks("a", 0, 20);
        Fake w = new Fake("w").blocks("a", 0, 20);
        ChainObserver o = new ChainObserver("BTC", p, List.of(w), POLICY, Optional.empty());
        o.observe(T0);
        p.blocks("a", 0, 23);
        List<Condition> lag = o.observe(T0.plusSeconds(60));
        assertEquals(Set.of(AlertKind.LAG), kinds(lag));
        assertEquals(List.of("witness w"), lag.get(0).sources());
        List<Condition> later = o.observe(T0.plus(Duration.ofMinutes(31)));
        assertTrue(later.stream().anyMatch(c -> c.kind() == AlertKind.STALL && c.sources().equals(List.of("witness w"))),
                later.toString());
        assertTrue(later.stream().noneMatch(c -> c.kind() == AlertKind.STALL && c.sources().contains("primary p")),
                "the primary's tip is recent by our clock");
    }

    @Test
    void anInvalidHeaderStaysRaisedWhileThePrimaryServesThatBlock() {
        Fake p = new Fake("p").blocks("a", 0, 20);
        ChainObserver o = new ChainObserver("BTC", p, List.of(), POLICY, Optional.of(RULES));
        assertTrue(o.observe(T0).isEmpty());
        p.blocks("a", 0, 22);
        p.badHeaderHash = "a21";
        Condition bad = o.observe(T0).get(0);
        assertEquals(AlertKind.INVALID_HEADER, bad.kind());
        assertEquals(21, bad.height());
        assertTrue(bad.reason().contains("no work"), bad.reason());
        assertEquals(AlertKind.INVALID_HEADER, o.observe(T0).get(0).kind());
        p.blocks("c", 21, 23); // the node dropped it
        assertTrue(o.observe(T0).isEmpty());
    }

    @Test
    void downAndWrongNetworkSourcesAreNamed() {
        Fake p = new Fake("p").blocks("a", 0, 20);
        Fake w = new Fake("w").blocks("a", 0, 20);
        Fake other = new Fake("x").blocks("z", 0, 20);
        other.mismatch = "runs main, not regtest";
        w.down = true;
        List<Condition> raised = new ChainObserver("BTC", p, List.of(w, other), POLICY, Optional.empty()).observe(T0);
        assertEquals(Set.of(AlertKind.SOURCE_DOWN, AlertKind.WRONG_NETWORK), kinds(raised));
        assertTrue(raised.stream().allMatch(c -> c.reason().startsWith("witness ")), raised.toString());
    }

    @Test
    void aPaymentNeedsOneWitnessWithItInTheSameBlockAtTheDepth() {
        Fake p = new Fake("p").blocks("a", 0, 20);
        Fake w1 = new Fake("w1").blocks("a", 0, 19);
        Fake w2 = new Fake("w2").blocks("b", 0, 25);
        w1.txInBlock.add("tx@a18");
        ChainObserver o = new ChainObserver("BTC", p, List.of(w1, w2), POLICY, Optional.empty());
        assertTrue(o.witnessDisagreement("tx", "a18", 18, 2).isEmpty());
        String why = o.witnessDisagreement("tx", "a18", 18, 3).orElseThrow();
        assertTrue(why.contains("witness w1 has 2 of 3"), why);
        assertTrue(why.contains("witness w2 does not have it in block a18"), why);
        w1.down = true;
        assertTrue(o.witnessDisagreement("tx", "a18", 18, 2).orElseThrow().contains("witness w1 did not answer"));
        assertTrue(new ChainObserver("BTC", p, List.of(), POLICY, Optional.empty())
                .witnessDisagreement("tx", "a18", 18, 6).isEmpty(), "no witnesses: nothing to agree with");
    }

    @Test
    void aPrimaryAsHighAsAWitnessWithLessWorkIsOnALowWorkChain() {
        Fake p = new Fake("p").blocks("a", 0, 21);
        Fake w = new Fake("w").blocks("a", 0, 18).blocks("b", 19, 20);
        p.work.put("a21", java.math.BigInteger.valueOf(100));
        w.work.put("b20", java.math.BigInteger.valueOf(0x200));
        ChainObserver o = new ChainObserver("BTC", p, List.of(w), POLICY, Optional.of(RULES));
        List<Condition> raised = o.observe(T0);
        assertEquals(Set.of(AlertKind.INVALID_HEADER), kinds(raised), raised.toString());
        assertEquals(List.of("primary p", "witness w"), raised.get(0).sources());
        assertEquals(List.of("a21", "b20"), raised.get(0).hashes());
        assertTrue(raised.get(0).reason().contains("less cumulative work (0x64) than witness w"), raised.get(0).reason());

        int before = p.requests + w.requests;
        assertEquals(1, o.observe(T0).size());
        assertEquals(2, p.requests + w.requests - before, "work is asked once per tip");

        p.blocks("a", 0, 22);
        p.work.put("a22", java.math.BigInteger.valueOf(0x300));
        assertEquals(List.of(), o.observe(T0), "more work than the witness: honest");
    }

    @Test
    void aPrimaryBelowTheWitnessIsNotJudgedByWork() {
        Fake p = new Fake("p").blocks("a", 0, 19);
        Fake w = new Fake("w").blocks("a", 0, 20);
        p.work.put("a19", java.math.BigInteger.ONE);
        w.work.put("a20", java.math.BigInteger.TEN);
        assertEquals(List.of(), new ChainObserver("BTC", p, List.of(w), POLICY, Optional.of(RULES)).observe(T0));
        assertEquals(0, WorkCheck.judge("BTC", new SourceTip("p", new io.chaintill.chain.ChainTip(19, "a19")),
                java.math.BigInteger.ONE, new SourceTip("w", new io.chaintill.chain.ChainTip(20, "a20")),
                java.math.BigInteger.TEN).stream().count());
    }
}
