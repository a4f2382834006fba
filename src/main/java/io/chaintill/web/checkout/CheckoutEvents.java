package io.chaintill.web.checkout;

import io.chaintill.application.CheckoutQuery;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds each open checkout page its invoice's status as server-sent events. Cost is bounded on purpose: one
 * invoice read per connection per second (no listeners into the tracking code, so this works the same on every
 * node of a cluster), an event only when the status JSON changed, a comment every 15 s so dead connections are
 * noticed, a fixed lifetime after which the browser reconnects by itself, and a cap on open connections above
 * which the page polls {@code /checkout/{id}/status} instead.
 */
@ApplicationScoped
public class CheckoutEvents {
    private static final Logger LOG = Logger.getLogger(CheckoutEvents.class.getName());
    private static final long TICK_MS = 1000;
    private static final int KEEPALIVE_TICKS = 15;
    /** The browser's wait before reconnecting after the server ended a stream. */
    private static final long RECONNECT_MS = 2000;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    CheckoutQuery query;
    @Inject
    CheckoutSettings settings;

    private final AtomicInteger open = new AtomicInteger();

    /** Takes over the sink; refuses with 503 (the page then polls) when the node has too many streams open. */
    public void stream(String invoiceId, String language, SseEventSink sink, Sse sse) {
        if (open.incrementAndGet() > settings.eventsMaxConnections()) {
            open.decrementAndGet();
            throw new ServiceUnavailableException("too many live checkout pages; poll the status endpoint", 5L);
        }
        Stream s = new Stream(invoiceId, CheckoutMessages.of(language), sink, sse,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.eventsMaxSeconds()));
        try {
            s.future = scheduler.scheduleWithFixedDelay(s, 0, TICK_MS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            s.end();
            throw e;
        }
    }

    /** Open streams on this node (for tests and logs). */
    public int openStreams() {
        return open.get();
    }

    private final class Stream implements Runnable {
        private final String invoiceId;
        private final CheckoutMessages text;
        private final SseEventSink sink;
        private final Sse sse;
        private final long deadline;
        private volatile ScheduledFuture<?> future;
        private String last;
        private int quietTicks;
        private volatile boolean ended;

        Stream(String invoiceId, CheckoutMessages text, SseEventSink sink, Sse sse, long deadline) {
            this.invoiceId = invoiceId;
            this.text = text;
            this.sink = sink;
            this.sse = sse;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            if (ended) {
                // ended before the future was known (first tick): stop the schedule as soon as it is
                ScheduledFuture<?> f = future;
                if (f != null) {
                    f.cancel(false);
                }
                return;
            }
            try {
                if (sink.isClosed() || System.nanoTime() > deadline) {
                    end();
                    return;
                }
                String json = query.find(invoiceId)
                        .map(v -> new CheckoutStatus(v, text, settings.receiptOnProcessing()).json().toString())
                        .orElse(null);
                if (json == null) {
                    end();
                } else if (!json.equals(last)) {
                    last = json;
                    quietTicks = 0;
                    send(sse.newEventBuilder().name("status").data(json).reconnectDelay(RECONNECT_MS).build());
                } else if (++quietTicks >= KEEPALIVE_TICKS) {
                    quietTicks = 0;
                    send(sse.newEventBuilder().comment("keep-alive").build());
                }
            } catch (RuntimeException e) {
                // a database hiccup or a vanished client: end this stream, the browser reconnects
                LOG.log(Level.FINE, "checkout event stream of " + invoiceId + " ended", e);
                end();
            }
        }

        private void send(OutboundSseEvent event) {
            sink.send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    end();
                }
            });
        }

        synchronized void end() {
            if (ended) {
                return;
            }
            ended = true;
            open.decrementAndGet();
            if (future != null) {
                future.cancel(false);
            }
            try {
                sink.close();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }
}
