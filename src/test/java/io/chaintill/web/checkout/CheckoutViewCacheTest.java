package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.application.CheckoutQuery;
import io.chaintill.application.CheckoutView;
import io.chaintill.domain.invoice.AdditionalStatus;
import io.chaintill.domain.invoice.InvoiceChanged;
import io.chaintill.domain.invoice.InvoiceStatus;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The polling fallback's cache: one read per change, not per poll, and never a status older than the last change. */
class CheckoutViewCacheTest {
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();
    private Supplier<Optional<CheckoutView>> database = () -> Optional.of(CheckoutViews.view(InvoiceStatus.New, AdditionalStatus.None, 0, 0));
    private Runnable duringRead = () -> { };

    private CheckoutViewCache cache() {
        CheckoutViewCache cache = new CheckoutViewCache();
        cache.query = new CheckoutQuery() {
            @Override
            public Optional<CheckoutView> find(String invoiceId) {
                reads.incrementAndGet();
                duringRead.run();
                return database.get();
            }
        };
        cache.nanoTime = clock::get;
        return cache;
    }

    @Test
    void pollsOfAnUnchangedInvoiceReadTheDatabaseOnce() {
        CheckoutViewCache cache = cache();
        for (int i = 0; i < 100; i++) {
            assertEquals(InvoiceStatus.New, cache.find("inv1").orElseThrow().status());
        }
        assertEquals(1, reads.get());
    }

    @Test
    void aChangeIsSeenOnTheNextPoll() {
        CheckoutViewCache cache = cache();
        cache.find("inv1");
        database = () -> Optional.of(CheckoutViews.view(InvoiceStatus.Settled, AdditionalStatus.None, 2, 1));
        cache.changed(new InvoiceChanged("inv1", "store", false));
        assertEquals(InvoiceStatus.Settled, cache.find("inv1").orElseThrow().status());
        assertEquals(2, reads.get());
    }

    @Test
    void aReadOvertakenByAChangeIsNotKept() {
        CheckoutViewCache cache = cache();
        // the change commits while the (older) read is on its way: the next poll must read again
        duringRead = () -> cache.changed(new InvoiceChanged("inv1", "store", false));
        cache.find("inv1");
        duringRead = () -> { };
        cache.find("inv1");
        assertEquals(2, reads.get());
    }

    @Test
    void confirmingInvoicesAreReadAgainEverySecondOthersAfterTheMaximumAge() {
        CheckoutViewCache cache = cache();
        database = () -> Optional.of(CheckoutViews.view(InvoiceStatus.Processing, AdditionalStatus.None, 1, 1));
        cache.find("inv1");
        clock.addAndGet(CheckoutViewCache.CONFIRMING_AGE_NANOS - 1);
        cache.find("inv1");
        assertEquals(1, reads.get());
        clock.addAndGet(1);
        cache.find("inv1");
        assertEquals(2, reads.get());

        database = () -> Optional.of(CheckoutViews.view(InvoiceStatus.New, AdditionalStatus.None, 0, 0));
        cache.changed(new InvoiceChanged("inv1", "store", false));
        cache.find("inv1");
        clock.addAndGet(CheckoutViewCache.MAX_AGE_NANOS - 1);
        cache.find("inv1");
        assertEquals(3, reads.get());
        clock.addAndGet(1);
        cache.find("inv1");
        assertEquals(4, reads.get());
    }

    @Test
    void unknownInvoicesAreNotCached() {
        CheckoutViewCache cache = cache();
        database = Optional::empty;
        assertTrue(cache.find("nope").isEmpty());
        assertTrue(cache.find("nope").isEmpty());
        assertEquals(2, reads.get());
        assertEquals(0, cache.size());
    }
}
