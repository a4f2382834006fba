package io.chaintill.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due deliveries with up to {@link #BATCH} requests in flight: claims a batch (committed), sends it
 * concurrently, and records outcomes as they arrive, whatever has arrived by then in one transaction, so one slow
 * receiver does not hold back the results of fast ones. When half the window has come back, the next claim tops it
 * up while the rest is still on the wire, so the receivers never wait for a claim or a record between batches
 * (profiled: batch after batch, the wire sat idle during each claim and record). A delivery is claimed only when
 * no earlier one of its (webhook, invoice) is Pending, and an in-flight one stays Pending, so topping up keeps the
 * order per (webhook, invoice). Outcomes are recorded on the calling (job) thread, where transactions work; the
 * HTTP client's threads only hand results over.
 */
@ApplicationScoped
public class WebhookRelay {
    private static final Logger LOG = Logger.getLogger(WebhookRelay.class.getName());
    static final int BATCH = 100;
    /** Batches per run at most, so one run cannot starve the other jobs; the next run carries on. */
    static final int MAX_BATCHES_PER_RUN = 50;

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
        int attempts = 0;
        int inFlight = 0;
        boolean more = true;
        while (true) {
            if (more && inFlight <= BATCH / 2 && attempts < MAX_BATCHES_PER_RUN * BATCH) {
                int wanted = BATCH - inFlight;
                List<ClaimedDelivery> batch = ledger.claimDue(clock.instant(), wanted);
                more = batch.size() == wanted;
                send(batch, done);
                inFlight += batch.size();
                attempts += batch.size();
            }
            if (inFlight == 0) {
                return attempts;
            }
            // Whatever has arrived is recorded together; a slow receiver delays only its own row.
            List<AttemptResult> arrived = new ArrayList<>();
            arrived.add(take(done));
            done.drainTo(arrived);
            record(arrived);
            inFlight -= arrived.size();
        }
    }

    private void send(List<ClaimedDelivery> batch, BlockingQueue<AttemptResult> done) {
        for (ClaimedDelivery claim : batch) {
            (claim.url().startsWith(InvoiceNotifier.MAILTO) ? mailSender.send(claim) : sender.send(claim)).whenComplete((outcome, error) -> done.add(new AttemptResult(claim,
                    error == null ? outcome : AttemptOutcome.noAnswer(String.valueOf(error), 0))));
        }
    }

    private void record(List<AttemptResult> results) {
        try {
            ledger.recordAll(results, policy, clock.instant());
        } catch (RuntimeException batchFailed) {
            // One bad row must not cost the others their outcome: retry them one transaction each.
            for (AttemptResult result : results) {
                try {
                    ledger.record(result, policy, clock.instant());
                } catch (RuntimeException e) {
                    // Left Pending with its lease: it is sent again when the lease runs out (at-least-once).
                    LOG.log(Level.WARNING, "could not record the outcome of delivery " + result.claim().deliveryId(), e);
                }
            }
        }
    }

    private static AttemptResult take(BlockingQueue<AttemptResult> done) {
        try {
            // The sender's own timeouts bound the wait; every future completes.
            return done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for webhook answers", e);
        }
    }
}
