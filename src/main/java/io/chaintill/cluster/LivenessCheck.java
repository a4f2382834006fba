package io.chaintill.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * /health/live: the application is deployed and answering. Deliberately nothing external: a database outage
 * makes the node unready, not dead, and restarting it would not bring the database back.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("chaintill");
    }
}
