package io.chaintill.web.checkout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Server-wide checkout settings (docs/configuration.md). */
@ApplicationScoped
public class CheckoutSettings {
    /**
     * Show the receipt (and the return link) as soon as the invoice is paid in full, before the confirmations:
     * for merchants who hand over goods on Processing. Off by default: the receipt waits for Settled.
     */
    @Inject
    @ConfigProperty(name = "chaintill.checkout.receipt-on-processing", defaultValue = "false")
    boolean receiptOnProcessing;

    /** How long one event-stream connection lives; the browser reconnects by itself. */
    @Inject
    @ConfigProperty(name = "chaintill.checkout.events-max-seconds", defaultValue = "300")
    int eventsMaxSeconds;

    /** Open event streams per node; beyond it the page falls back to polling the status endpoint. */
    @Inject
    @ConfigProperty(name = "chaintill.checkout.events-max-connections", defaultValue = "500")
    int eventsMaxConnections;

    public boolean receiptOnProcessing() {
        return receiptOnProcessing;
    }

    public int eventsMaxSeconds() {
        return eventsMaxSeconds;
    }

    public int eventsMaxConnections() {
        return eventsMaxConnections;
    }
}
