package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chaintill.application.ChainHealth.Entry;
import io.chaintill.application.ChainHealth.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainHealthTest {
    private static Entry entry(Level level) {
        return new Entry(level, new ChainStatus.Snapshot(ChainStatus.State.UP, 10, 10, 0, null, null), List.of(), List.of());
    }

    @Test
    void downWinsOverDegradedWhichWinsOverUpAndDisabledChainsDoNotCount() {
        assertEquals(Level.UP, ChainHealth.overall(List.of(entry(Level.UP), entry(Level.DISABLED), entry(Level.STARTING))));
        assertEquals(Level.DEGRADED, ChainHealth.overall(List.of(entry(Level.UP), entry(Level.DEGRADED))));
        assertEquals(Level.DOWN, ChainHealth.overall(List.of(entry(Level.DEGRADED), entry(Level.DOWN), entry(Level.UP))));
    }
}
