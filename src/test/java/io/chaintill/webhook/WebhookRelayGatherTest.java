package io.chaintill.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a relay turn gathers answers: enough of them for one commit, never holding the turn up for long. */
class WebhookRelayGatherTest {
    private static AttemptResult answer(int n) {
        ClaimedDelivery claim = new ClaimedDelivery("d" + n, 1, "http://127.0.0.1/", null, "{}", true, null, Instant.EPOCH);
        return new AttemptResult(claim, AttemptOutcome.answered(200, null, 1));
    }

    @Test
    void takesWhatHasArrivedWhenThatIsEnough() {
        BlockingQueue<AttemptResult> done = new LinkedBlockingQueue<>(List.of(answer(1), answer(2), answer(3)));
        long started = System.nanoTime();
        List<AttemptResult> got = WebhookRelay.gather(done, 2, Duration.ofSeconds(5));
        assertEquals(3, got.size(), "everything already there goes into the turn");
        assertTrue(done.isEmpty());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4), "no wait when enough had arrived");
    }

    @Test
    void waitsForLateAnswersUntilItHasEnough() throws Exception {
        BlockingQueue<AttemptResult> done = new LinkedBlockingQueue<>(List.of(answer(1)));
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(() -> done.add(answer(2)), 20, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            List<AttemptResult> got = WebhookRelay.gather(done, 2, Duration.ofSeconds(5));
            assertEquals(List.of("d1", "d2"), got.stream().map(r -> r.claim().deliveryId()).toList());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4), "it went on once it had enough");
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void aTurnWaitsNoLongerThanTheGatherTimeForAnswersThatDoNotCome() {
        BlockingQueue<AttemptResult> done = new LinkedBlockingQueue<>(List.of(answer(1)));
        long started = System.nanoTime();
        List<AttemptResult> got = WebhookRelay.gather(done, 50, Duration.ofMillis(50));
        long waited = System.nanoTime() - started;
        assertEquals(1, got.size());
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(50), "it waited for more: " + waited);
        assertTrue(waited < TimeUnit.SECONDS.toNanos(3), "then went on: " + waited);
    }
}
