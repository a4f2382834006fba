package io.chaintill.application;

import io.chaintill.domain.invoice.Invoice;
import io.chaintill.persistence.InvoiceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Time-driven invoice moves, run by the scheduler: one transaction per invoice so one failure stops nothing else. */
@ApplicationScoped
public class InvoiceLifecycle {
    private static final Logger LOG = Logger.getLogger(InvoiceLifecycle.class.getName());

    @Inject
    InvoiceRepository invoices;
    @Inject
    Clock clock;
    @Inject
    InvoiceLifecycle self;

    /** Expires every New invoice past its expiration time; returns how many moved. */
    public int expireDue() {
        Instant now = clock.instant();
        List<String> due = self.dueForExpiry(now);
        int moved = 0;
        for (String id : due) {
            try {
                moved += self.expire(id, now) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not expire invoice " + id, e);
            }
        }
        return moved;
    }

    /**
     * Reads inside a transaction on purpose: jobs run through a contextual proxy, where the container's
     * non-transactional EntityManager cleanup fails ("closed EntityManager").
     */
    @Transactional
    public List<String> dueForExpiry(Instant now) {
        return invoices.dueForExpiry(now, 500);
    }

    @Transactional
    public boolean expire(String invoiceId, Instant now) {
        Invoice invoice = invoices.findForUpdate(invoiceId).orElse(null);
        if (invoice == null || !invoice.expireIfDue(now)) {
            return false;
        }
        invoices.save(invoice);
        return true;
    }
}
