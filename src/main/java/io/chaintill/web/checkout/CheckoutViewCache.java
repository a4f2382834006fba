package io.chaintill.web.checkout;

import io.chaintill.application.CheckoutQuery;
import io.chaintill.application.CheckoutView;
import io.chaintill.domain.invoice.InvoiceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The checkout views the polling fallback answers from (the pages above the live-stream cap poll
 * {@code /checkout/{id}/status}): a poll of an unchanged invoice costs no database work. An entry is dropped when
 * its invoice changes ({@link InvoiceChanged} after commit, also the copies other nodes relay), and in any case after
 * {@link #MAX_AGE_NANOS}; while payments wait for confirmations, which come with blocks and not with an invoice save,
 * after {@link #CONFIRMING_AGE_NANOS}. A read that an invalidation overtook is not kept.
 */
@ApplicationScoped
public class CheckoutViewCache {
    /** Also bounds how long a store's renamed name takes to show on an open page. */
    static final long MAX_AGE_NANOS = 30_000_000_000L;
    /** As often as the live streams' tick rereads confirming invoices. */
    static final long CONFIRMING_AGE_NANOS = 1_000_000_000L;
    /** Pages polling at once that stay cached; beyond it the cache starts over (each entry is a few KB). */
    static final int MAX_ENTRIES = 20_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    @Inject
    CheckoutQuery query;
    LongSupplier nanoTime = System::nanoTime;

    /** The view of an invoice, from the cache when nothing changed since it was read. */
    public Optional<CheckoutView> find(String invoiceId) {
        long now = nanoTime.getAsLong();
        Entry cached = invoiceId == null ? null : entries.get(invoiceId);
        if (cached != null && cached.view != null && now - cached.readAt < cached.maxAge) {
            return Optional.of(cached.view);
        }
        if (invoiceId == null) {
            return Optional.empty();
        }
        Entry reading = new Entry(null, now, 0);
        entries.put(invoiceId, reading); // an invalidation from here on removes it, and this read is not kept
        Optional<CheckoutView> read = query.find(invoiceId);
        if (read.isEmpty()) {
            entries.remove(invoiceId, reading);
            return read;
        }
        if (entries.size() > MAX_ENTRIES) {
            entries.clear();
        }
        entries.replace(invoiceId, reading, new Entry(read.get(), now, read.get().confirming() ? CONFIRMING_AGE_NANOS : MAX_AGE_NANOS));
        return read;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvoiceChanged change) {
        entries.remove(change.invoiceId());
    }

    int size() {
        return entries.size();
    }

    /** Compared by identity: the read that put it is the one that may replace it. */
    private static final class Entry {
        final CheckoutView view;
        final long readAt;
        final long maxAge;

        Entry(CheckoutView view, long readAt, long maxAge) {
            this.view = view;
            this.readAt = readAt;
            this.maxAge = maxAge;
        }
    }
}
