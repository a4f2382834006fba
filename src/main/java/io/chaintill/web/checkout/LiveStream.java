package io.chaintill.web.checkout;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.function.Consumer;

/**
 * One open checkout event stream: its sink, its language and the last status it was sent. Small on purpose (no
 * thread, no timer, no copy of the view), so a node holds thousands; {@link CheckoutEvents} drives all of them.
 */
final class LiveStream {
    /** The browser's wait before reconnecting after the server ended a stream. */
    private static final long RECONNECT_MS = 2000;

    private final SseEventSink sink;
    private final Sse sse;
    /** The page's ?lang= and the browser's Accept-Language, until the first read names the invoice's default. */
    private final String askedLanguage;
    private final String acceptLanguage;
    private String language;
    private final long deadline;
    private final Consumer<LiveStream> onEnd;
    /** Number of the invoice read the last status came from: an older read that finishes later is dropped. */
    private long read = -1;
    private String last;
    private volatile boolean ended;

    LiveStream(SseEventSink sink, Sse sse, String askedLanguage, String acceptLanguage, long deadline,
               Consumer<LiveStream> onEnd) {
        this.sink = sink;
        this.sse = sse;
        this.askedLanguage = askedLanguage;
        this.acceptLanguage = acceptLanguage;
        this.deadline = deadline;
        this.onEnd = onEnd;
    }

    /** The stream's language, chosen as the page chose it, once the invoice's default is known. */
    synchronized String language(String invoiceDefault) {
        if (language == null) {
            language = CheckoutLanguage.choose(askedLanguage, invoiceDefault, acceptLanguage);
        }
        return language;
    }

    /** Sends the status read as number {@code read} unless a newer read was sent already or nothing changed. */
    synchronized void offer(long read, String json) {
        if (ended || read <= this.read) {
            return;
        }
        this.read = read;
        if (json.equals(last)) {
            return;
        }
        last = json;
        send(sse.newEventBuilder().name("status").data(json).reconnectDelay(RECONNECT_MS).build());
    }

    /** The shared keep-alive: a comment, so a vanished buyer is noticed; the stream ends at its lifetime. */
    synchronized void keepAlive(long now) {
        if (ended) {
            return;
        }
        if (sink.isClosed() || now - deadline > 0) {
            end();
        } else {
            send(sse.newEventBuilder().comment("keep-alive").build());
        }
    }

    private void send(OutboundSseEvent event) {
        try {
            sink.send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    end();
                }
            });
        } catch (RuntimeException e) {
            end(); // the buyer left between two events
        }
    }

    void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already gone
        }
        onEnd.accept(this);
    }
}
