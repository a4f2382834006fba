package io.chaintill.chain.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ChainTip;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecksTest {
    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

    @Test
    void divergenceComparesDepthBelowTheLowerTip() {
        assertEquals(8, DivergenceCheck.heightToCompare(new ChainTip(12, "a"), new ChainTip(10, "b"), 2).getAsInt());
        assertTrue(DivergenceCheck.heightToCompare(new ChainTip(1, "a"), new ChainTip(5, "b"), 2).isEmpty());
    }

    @Test
    void differentHashesAtTheComparedHeightAreADivergenceNamingBoth() {
        Condition c = DivergenceCheck.judge("BTC", "p", "w", 8, Optional.of("aa"), Optional.of("bb"), 2).orElseThrow();
        assertEquals(AlertKind.DIVERGENCE, c.kind());
        assertEquals(List.of("p", "w"), c.sources());
        assertEquals(List.of("aa", "bb"), c.hashes());
        assertEquals(8, c.height());
        assertTrue(c.reason().contains("height 8"), c.reason());
    }

    @Test
    void equalHashesOrAnUnknownHeightAreNoDivergence() {
        assertTrue(DivergenceCheck.judge("BTC", "p", "w", 8, Optional.of("aa"), Optional.of("aa"), 2).isEmpty());
        assertTrue(DivergenceCheck.judge("BTC", "p", "w", 8, Optional.of("aa"), Optional.empty(), 2).isEmpty());
    }

    @Test
    void lagIsRaisedOnlyBeyondTheAllowedBlocks() {
        List<SourceTip> tips = List.of(new SourceTip("p", new ChainTip(100, "x")), new SourceTip("w1", new ChainTip(98, "y")),
                new SourceTip("w2", new ChainTip(97, "z")));
        List<Condition> lag = LagCheck.judge("BTC", tips, 2);
        assertEquals(1, lag.size());
        assertEquals(List.of("w2"), lag.get(0).sources());
        assertEquals(AlertKind.LAG, lag.get(0).kind());
        assertTrue(lag.get(0).reason().contains("3 block(s) behind p"), lag.get(0).reason());
    }

    @Test
    void stallNeedsBothTheWallClockAndTheBlockTimeBeyondTheBound() {
        SourceTip tip = new SourceTip("p", new ChainTip(5, "h"));
        Duration bound = Duration.ofMinutes(90);
        Instant old = NOW.minus(Duration.ofMinutes(100));
        assertEquals(AlertKind.STALL, StallCheck.judge("BTC", tip, old, old, NOW, bound).orElseThrow().kind());
        assertTrue(StallCheck.judge("BTC", tip, NOW.minusSeconds(60), old, NOW, bound).isEmpty(), "just restarted");
        assertTrue(StallCheck.judge("BTC", tip, old, NOW.minusSeconds(60), NOW, bound).isEmpty(), "recent block time");
        assertTrue(StallCheck.judge("BTC", tip, old, old, NOW, Duration.ZERO).isEmpty(), "off");
    }

    @Test
    void poissonBoundForBitcoinIsAboutNinetyMinutes() {
        Duration bound = StallBound.of(Duration.ofMinutes(10), StallBound.DEFAULT_FALSE_ALARM);
        assertEquals(92, bound.toMinutes());
        assertEquals(Duration.ofSeconds(Math.round(12 * Math.log(1000))), StallBound.of(Duration.ofSeconds(12), 1e-3));
    }

    @Test
    void conditionsOfTheSameKindAndSourcesShareAKeyWhateverTheirHeights() {
        Condition a = new Condition("BTC", AlertKind.LAG, List.of("w"), 5, List.of("x"), "r1");
        Condition b = new Condition("BTC", AlertKind.LAG, List.of("w"), 9, List.of("y"), "r2");
        assertEquals(a.key(), b.key());
        assertEquals("invalid-header", AlertKind.INVALID_HEADER.id());
    }
}
