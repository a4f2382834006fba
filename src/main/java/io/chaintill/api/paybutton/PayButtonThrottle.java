package io.chaintill.api.paybutton;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pay-button endpoint's per-client limit (docs/configuration.md). Per node and in memory: it protects this
 * node's rate lookups and address derivations from one client's flood; it is not an accounting of the cluster.
 * Only the public form endpoint uses it, so authenticated API calls are never throttled by it.
 */
@ApplicationScoped
public class PayButtonThrottle {
    @Inject
    @ConfigProperty(name = "chaintill.paybutton.requests-per-minute", defaultValue = "10")
    int perMinute;
    @Inject
    @ConfigProperty(name = "chaintill.paybutton.burst", defaultValue = "20")
    int burst;
    @Inject
    @ConfigProperty(name = "chaintill.paybutton.max-tracked-clients", defaultValue = "10000")
    int maxClients;
    @Inject
    Clock clock;

    private ClientRateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new ClientRateLimiter(perMinute, burst, maxClients, clock);
    }

    public Optional<Duration> acquire(String clientAddress) {
        return limiter.acquire(clientAddress);
    }
}
