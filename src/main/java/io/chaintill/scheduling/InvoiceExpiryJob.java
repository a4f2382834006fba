package io.chaintill.scheduling;

import io.chaintill.application.InvoiceLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Moves unpaid invoices New -> Expired once their expiration time passes. */
@ApplicationScoped
public class InvoiceExpiryJob implements PeriodicJob {
    @Inject
    InvoiceLifecycle lifecycle;
    @Inject
    @ConfigProperty(name = "chaintill.jobs.expiry-interval-seconds")
    int intervalSeconds;

    @Override
    public String name() {
        return "invoice-expiry";
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    @Override
    public void run() {
        lifecycle.expireDue();
    }
}
