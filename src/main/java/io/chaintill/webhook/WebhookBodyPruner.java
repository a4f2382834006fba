package io.chaintill.webhook;

import io.chaintill.persistence.WebhookDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Drops request bodies past the retention period: the delivery log rows and attempts stay, the payload goes. */
@ApplicationScoped
public class WebhookBodyPruner {
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    WebhookSettings settings;
    @Inject
    Clock clock;

    @Transactional
    public int prune() {
        return deliveries.pruneBodies(clock.instant().minus(settings.bodyRetention()));
    }
}
