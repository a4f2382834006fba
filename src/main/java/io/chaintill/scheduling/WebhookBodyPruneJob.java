package io.chaintill.scheduling;

import io.chaintill.webhook.WebhookBodyPruner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** Hourly: nulls webhook request bodies older than chaintill.webhook.body-retention-days. */
@ApplicationScoped
public class WebhookBodyPruneJob implements PeriodicJob {
    @Inject
    WebhookBodyPruner pruner;

    @Override
    public String name() {
        return "webhook-body-prune";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        pruner.prune();
    }
}
