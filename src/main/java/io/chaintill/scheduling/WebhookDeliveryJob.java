package io.chaintill.scheduling;

import io.chaintill.webhook.WebhookDispatcher;
import io.chaintill.webhook.WebhookRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns new invoice events into webhook deliveries and sends what is due. One job for both, in this order, so an
 * event usually goes out in the same run that dispatched it.
 */
@ApplicationScoped
public class WebhookDeliveryJob implements PeriodicJob {
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    WebhookRelay relay;
    @Inject
    @ConfigProperty(name = "chaintill.jobs.webhook-interval-ms")
    long intervalMillis;

    @Override
    public String name() {
        return "webhook-delivery";
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(intervalMillis);
    }

    @Override
    public void run() {
        // A full batch means a backlog: drain it first, each batch in its own transaction.
        boolean backlog = true;
        while (backlog) {
            backlog = dispatcher.dispatchBatch() == WebhookDispatcher.BATCH;
        }
        relay.relayDue();
    }
}
