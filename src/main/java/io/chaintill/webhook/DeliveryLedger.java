package io.chaintill.webhook;

import io.chaintill.application.Ids;
import io.chaintill.domain.store.WebhookEndpoint;
import io.chaintill.persistence.WebhookDeliveryRepository;
import io.chaintill.persistence.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The relay's transactions around the HTTP attempts. A claim (a lease) is committed before anything is sent; the
 * outcome is stored afterwards. A crash between the two leaves a Pending delivery whose lease runs out, so it is
 * sent again: at-least-once, never lost. The relay records one turn's outcomes and claims the next deliveries in
 * one transaction ({@link #recordThenClaim}): on H2 every commit writes the B-tree pages it changed to the file,
 * and that write was half of the relay's time.
 */
@ApplicationScoped
public class DeliveryLedger {
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    WebhookRepository webhooks;
    @Inject
    WebhookSettings settings;

    @Transactional
    public List<ClaimedDelivery> claimDue(Instant now, int limit) {
        return claim(now, limit);
    }

    /**
     * Records these outcomes, then claims up to {@code limit} due deliveries (none when 0), in one transaction.
     * The claim sees the outcomes just recorded, so a delivery whose earlier one of its (webhook, invoice) has
     * just been delivered can be claimed in the same turn.
     */
    @Transactional
    public List<ClaimedDelivery> recordThenClaim(List<AttemptResult> results, RetryPolicy policy, Instant now, int limit) {
        recordLocked(results, policy, now);
        if (limit == 0) {
            return List.of();
        }
        deliveries.flush();
        return claim(now, limit);
    }

    private List<ClaimedDelivery> claim(Instant now, int limit) {
        List<ClaimedDelivery> claimed = new ArrayList<>();
        Instant leaseUntil = now.plus(settings.lease());
        // two queries for the batch's rows and webhooks, not two per delivery
        List<WebhookDelivery> due = deliveries.getAll(deliveries.lockDue(now, limit));
        Map<String, WebhookEndpoint> endpoints = webhooks.byIds(due.stream().map(WebhookDelivery::webhookId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        for (WebhookDelivery delivery : due) {
            if (delivery.target() != null) {
                // an IPN: no webhook to be disabled or deleted; its target and its retries are its own
                int attempt = delivery.claim(now, leaseUntil);
                claimed.add(new ClaimedDelivery(delivery.id(), attempt, delivery.target(), null, delivery.body(), true,
                        delivery.firstAttemptAt(), now));
                continue;
            }
            Optional<WebhookEndpoint> webhook = Optional.ofNullable(endpoints.get(delivery.webhookId()));
            if (webhook.isEmpty() || !webhook.get().enabled()) {
                delivery.abandon("the webhook was disabled before this delivery was sent");
                continue;
            }
            int attempt = delivery.claim(now, leaseUntil);
            claimed.add(new ClaimedDelivery(delivery.id(), attempt, webhook.get().url(), webhook.get().secret(),
                    delivery.body(), webhook.get().automaticRedelivery(), delivery.firstAttemptAt(), now));
        }
        return claimed;
    }

    /** {@link #record} for several attempts: their rows locked in one query. */
    private void recordLocked(List<AttemptResult> results, RetryPolicy policy, Instant now) {
        if (results.isEmpty()) {
            return;
        }
        Map<String, WebhookDelivery> locked = new HashMap<>();
        deliveries.lockAll(results.stream().map(r -> r.claim().deliveryId()).toList()).forEach(d -> locked.put(d.id(), d));
        for (AttemptResult r : results) {
            apply(locked.get(r.claim().deliveryId()), r.claim(), r.outcome(), policy, now);
        }
    }

    /** Logs the attempt and moves the delivery on: delivered, failed, or pending until its next attempt. */
    @Transactional
    public void record(AttemptResult result, RetryPolicy policy, Instant now) {
        apply(deliveries.findForUpdate(result.claim().deliveryId()).orElse(null), result.claim(), result.outcome(), policy, now);
    }

    private void apply(WebhookDelivery delivery, ClaimedDelivery claim, AttemptOutcome outcome, RetryPolicy policy, Instant now) {
        if (delivery == null) {
            return; // its webhook was deleted while the request was in flight; the log went with it
        }
        deliveries.add(new WebhookAttempt(Ids.newTimeOrderedId(now.toEpochMilli()), claim.deliveryId(), claim.claimedAt(), outcome));
        if (!delivery.isAttempt(claim.attemptNumber())) {
            // Our lease ran out and another attempt owns the delivery now: the log keeps this attempt,
            // the state is the other attempt's to set.
            return;
        }
        delivery.apply(outcome, policy.decide(outcome, claim.attemptNumber(), claim.firstAttemptAt(), now,
                claim.automaticRedelivery()));
    }
}
