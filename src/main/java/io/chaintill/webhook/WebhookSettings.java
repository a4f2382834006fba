package io.chaintill.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Webhook configuration (chaintill.webhook.*), read at run time; defaults in microprofile-config.properties. */
@ApplicationScoped
public class WebhookSettings {
    @Inject
    @ConfigProperty(name = "chaintill.webhook.allow-private")
    boolean allowPrivate;
    @Inject
    @ConfigProperty(name = "chaintill.webhook.initial-backoff-seconds")
    long initialBackoffSeconds;
    @Inject
    @ConfigProperty(name = "chaintill.webhook.max-backoff-seconds")
    long maxBackoffSeconds;
    @Inject
    @ConfigProperty(name = "chaintill.webhook.retry-window-hours")
    long retryWindowHours;
    @Inject
    @ConfigProperty(name = "chaintill.webhook.connect-timeout-seconds")
    long connectTimeoutSeconds;
    @Inject
    @ConfigProperty(name = "chaintill.webhook.request-timeout-seconds")
    long requestTimeoutSeconds;
    @Inject
    @ConfigProperty(name = "chaintill.webhook.body-retention-days")
    long bodyRetentionDays;

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(Duration.ofSeconds(initialBackoffSeconds), Duration.ofSeconds(maxBackoffSeconds),
                Duration.ofHours(retryWindowHours), new SecureRandom());
    }

    public PrivateAddressGuard addressGuard() {
        return new PrivateAddressGuard(allowPrivate, HostResolver.SYSTEM);
    }

    public Duration connectTimeout() {
        return Duration.ofSeconds(connectTimeoutSeconds);
    }

    /** Until the response headers arrive; the body gets as long again (see WebhookSender). */
    public Duration requestTimeout() {
        return Duration.ofSeconds(requestTimeoutSeconds);
    }

    /**
     * How long a claimed attempt may stay unrecorded before the delivery is due again: longer than any attempt
     * can take, so only a node that died mid-attempt ever lets a lease run out.
     */
    public Duration lease() {
        return connectTimeout().plus(requestTimeout().multipliedBy(2)).plusSeconds(30);
    }

    public Duration bodyRetention() {
        return Duration.ofDays(bodyRetentionDays);
    }
}
