package io.chaintill.web.checkout;

import io.chaintill.application.CheckoutQuery;
import io.chaintill.application.CheckoutView;
import io.chaintill.domain.invoice.InvoiceChanged;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds each open checkout page its invoice's status as server-sent events, pushed when the invoice changes:
 * {@link InvoiceChanged} after its commit (from this node or relayed from another) makes one read of that invoice
 * for all its streams. Nothing polls per stream: one shared tick sends the keep-alive comments (so dead connections
 * are noticed), ends streams at their lifetime (the browser reconnects by itself), and rereads only the invoices
 * whose payments wait for confirmations, which come with blocks and not with an invoice save. Above a cap on open
 * streams the request is refused with 503 and Retry-After, and the page polls {@code /checkout/{id}/status}.
 */
@ApplicationScoped
public class CheckoutEvents {
    private static final Logger LOG = Logger.getLogger(CheckoutEvents.class.getName());
    private static final long TICK_MS = 1000;
    private static final int KEEPALIVE_TICKS = 15;
    private static final long RETRY_AFTER_SECONDS = 5;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource
    ManagedExecutorService workers;
    @Inject
    CheckoutQuery query;
    @Inject
    CheckoutSettings settings;

    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, InvoiceWatch> watches = new ConcurrentHashMap<>();
    private ScheduledFuture<?> tick;
    /** Only the tick's own thread touches it. */
    private int ticks;

    /** Refuses at once, before any database work, when the node has no room for another stream. */
    public void admit() {
        if (open.get() >= settings.eventsMaxConnections()) {
            throw full();
        }
    }

    /**
     * Takes over the sink and sends the invoice's status at once (one read, which also picks the language as the page
     * does); an unknown invoice gets the stream closed, and the page then polls and sees the 404. 503 above the cap.
     */
    public void stream(String invoiceId, String askedLanguage, String acceptLanguage, SseEventSink sink, Sse sse) {
        if (open.incrementAndGet() > settings.eventsMaxConnections()) {
            open.decrementAndGet();
            throw full();
        }
        startTicking();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.eventsMaxSeconds());
        LiveStream s = new LiveStream(sink, sse, askedLanguage, acceptLanguage, deadline, ended -> forget(invoiceId, ended));
        InvoiceWatch w = watches.compute(invoiceId, (id, old) -> {
            InvoiceWatch watch = old == null ? new InvoiceWatch(id) : old;
            watch.streams().add(s);
            return watch;
        });
        // registered before this read, so a change committed meanwhile is read again and never missed
        refresh(w);
    }

    /** Open streams on this node (for tests and logs). */
    public int openStreams() {
        return open.get();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvoiceChanged change) {
        InvoiceWatch w = watches.get(change.invoiceId());
        if (w == null || !w.markPending()) {
            return; // nobody watches it, or a read of it is already on its way
        }
        try {
            workers.execute(() -> refresh(w));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "checkout stream update of " + change.invoiceId() + " left to the next tick", e);
        }
    }

    private void refresh(InvoiceWatch w) {
        try {
            w.refresh(query::find, (view, lang) -> new CheckoutStatus(view, CheckoutMessages.of(lang),
                    settings.receiptOnProcessing()).json().toString());
        } catch (RuntimeException e) {
            // a database hiccup: end these streams, their browsers reconnect and read again
            LOG.log(Level.FINE, "checkout event streams of " + w.invoiceId() + " ended", e);
            w.streams().forEach(LiveStream::end);
        }
    }

    private void forget(String invoiceId, LiveStream s) {
        open.decrementAndGet();
        watches.computeIfPresent(invoiceId, (id, w) -> w.streams().remove(s) && w.streams().isEmpty() ? null : w);
    }

    private synchronized void startTicking() {
        if (tick == null) {
            tick = scheduler.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        try {
            boolean keepAlive = ++ticks % KEEPALIVE_TICKS == 0;
            long now = System.nanoTime();
            for (InvoiceWatch w : watches.values()) {
                if (w.confirming() && w.markPending()) {
                    refresh(w);
                }
                if (keepAlive) {
                    w.streams().forEach(s -> s.keepAlive(now));
                }
            }
        } catch (RuntimeException e) {
            // never let one bad round stop the schedule
            LOG.log(Level.WARNING, "checkout event tick failed", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (tick != null) {
            tick.cancel(false);
        }
        watches.values().forEach(w -> w.streams().forEach(LiveStream::end));
    }

    private static ServiceUnavailableException full() {
        return new ServiceUnavailableException("too many live checkout pages; poll the status endpoint", RETRY_AFTER_SECONDS);
    }
}
