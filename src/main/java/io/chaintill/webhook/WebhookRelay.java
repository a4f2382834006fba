package io.chaintill.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due deliveries with up to {@link #BATCH} requests in flight. Each turn is one transaction: it records the
 * outcomes that came back since the last turn and, when half the window is free, claims deliveries to top it up
 * (committed before they are sent), so the receivers never wait for a claim or a record between batches. A turn
 * waits for answers until half the window has come back or {@link #GATHER} has passed since the first: on H2 a
 * commit costs about the same for 5 rows as for 50 (it writes the B-tree pages it changed), so fewer, larger
 * turns send more per second, while a slow receiver still delays only its own row. A delivery is claimed only
 * when no earlier one of its (webhook, invoice) is Pending, and an in-flight one stays Pending, so topping up
 * keeps the order per (webhook, invoice). Outcomes are recorded on the calling (job) thread, where transactions
 * work; the HTTP client's threads only hand results over.
 */
@ApplicationScoped
public class WebhookRelay {
    private static final Logger LOG = Logger.getLogger(WebhookRelay.class.getName());
    static final int BATCH = 100;
    /** Attempts per run at most, so one run cannot starve the other jobs; the next run carries on. */
    static final int MAX_ATTEMPTS_PER_RUN = 5000;
    static final Duration GATHER = Duration.ofMillis(10);

    @Inject
    DeliveryLedger ledger;
    @Inject
    WebhookSettings settings;
    @Inject
    MailSettings mail;
    @Inject
    Clock clock;

    private WebhookSender sender;
    private MailSender mailSender;
    private RetryPolicy policy;

    @PostConstruct
    void init() {
        sender = new WebhookSender(settings.connectTimeout(), settings.requestTimeout(), settings.addressGuard(), clock);
        mailSender = new MailSender(mail);
        policy = settings.retryPolicy();
    }

    /** Sends what is due now; returns how many attempts were made. */
    public int relayDue() {
        BlockingQueue<AttemptResult> done = new LinkedBlockingQueue<>();
        List<AttemptResult> arrived = List.of();
        int attempts = 0;
        int inFlight = 0;
        boolean more = true;
        while (true) {
            int room = BATCH - inFlight;
            int wanted = more && room >= BATCH / 2 && attempts < MAX_ATTEMPTS_PER_RUN ? room : 0;
            List<ClaimedDelivery> batch = recordThenClaim(arrived, wanted);
            if (wanted > 0) {
                more = batch.size() == wanted;
                send(batch, done);
                inFlight += batch.size();
                attempts += batch.size();
            }
            if (inFlight == 0) {
                return attempts;
            }
            arrived = gather(done, inFlight - BATCH / 2, GATHER);
            inFlight -= arrived.size();
        }
    }

    /** Waits for at least one answer, then for up to {@code enough} of them within {@code within} of the first. */
    static List<AttemptResult> gather(BlockingQueue<AttemptResult> done, int enough, Duration within) {
        List<AttemptResult> arrived = new ArrayList<>();
        try {
            // The sender's own timeouts bound the wait; every future completes.
            arrived.add(done.take());
            long until = System.nanoTime() + within.toNanos();
            while (arrived.size() < enough) {
                AttemptResult next = done.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                arrived.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for webhook answers", e);
        }
        done.drainTo(arrived);
        return arrived;
    }

    private List<ClaimedDelivery> recordThenClaim(List<AttemptResult> results, int wanted) {
        if (results.isEmpty() && wanted == 0) {
            return List.of();
        }
        try {
            return ledger.recordThenClaim(results, policy, clock.instant(), wanted);
        } catch (RuntimeException turnFailed) {
            // One bad row must not cost the others their outcome: record them one transaction each, then claim.
            for (AttemptResult result : results) {
                try {
                    ledger.record(result, policy, clock.instant());
                } catch (RuntimeException e) {
                    // Left Pending with its lease: it is sent again when the lease runs out (at-least-once).
                    LOG.log(Level.WARNING, "could not record the outcome of delivery " + result.claim().deliveryId(), e);
                }
            }
            return wanted == 0 ? List.of() : ledger.claimDue(clock.instant(), wanted);
        }
    }

    private void send(List<ClaimedDelivery> batch, BlockingQueue<AttemptResult> done) {
        for (ClaimedDelivery claim : batch) {
            (claim.url().startsWith(InvoiceNotifier.MAILTO) ? mailSender.send(claim) : sender.send(claim)).whenComplete((outcome, error) -> done.add(new AttemptResult(claim,
                    error == null ? outcome : AttemptOutcome.noAnswer(String.valueOf(error), 0))));
        }
    }
}
