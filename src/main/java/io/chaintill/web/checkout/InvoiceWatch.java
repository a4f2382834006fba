package io.chaintill.web.checkout;

import io.chaintill.application.CheckoutView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The open streams of one invoice. A change is read once for all of them (one status JSON per language), and
 * changes that arrive while a read is pending are folded into it.
 */
final class InvoiceWatch {
    private final String invoiceId;
    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong reads = new AtomicLong();
    /** A payment waits for confirmations, which come with blocks rather than with an invoice save. */
    private volatile boolean confirming;

    InvoiceWatch(String invoiceId) {
        this.invoiceId = invoiceId;
    }

    String invoiceId() {
        return invoiceId;
    }

    Set<LiveStream> streams() {
        return streams;
    }

    boolean confirming() {
        return confirming;
    }

    /** True for the first change since the last read started: only that one needs to schedule a read. */
    boolean markPending() {
        return !pending.getAndSet(true);
    }

    /**
     * Reads the invoice once and offers every stream its status; an invoice that vanished ends them.
     *
     * @param read looks the view up (a transaction of its own)
     * @param status the status JSON of a view in one language
     */
    void refresh(Function<String, Optional<CheckoutView>> read, StatusJson status) {
        pending.set(false);
        long n = reads.incrementAndGet();
        CheckoutView view = read.apply(invoiceId).orElse(null);
        if (view == null) {
            streams.forEach(LiveStream::end);
            return;
        }
        confirming = view.confirming();
        Map<String, String> byLanguage = new HashMap<>(2);
        for (LiveStream s : streams) {
            s.offer(n, byLanguage.computeIfAbsent(s.language(view.defaultLanguage()), lang -> status.of(view, lang)));
        }
    }

    @FunctionalInterface
    interface StatusJson {
        String of(CheckoutView view, String language);
    }
}
