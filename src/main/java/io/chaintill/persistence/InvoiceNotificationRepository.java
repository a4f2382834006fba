package io.chaintill.persistence;

import io.chaintill.domain.invoice.InvoiceNotification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The notification targets of pay-button invoices. */
@ApplicationScoped
public class InvoiceNotificationRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    public void add(InvoiceNotification notification) {
        em.persist(notification);
    }

    public Optional<InvoiceNotification> find(String invoiceId) {
        return invoiceId == null ? Optional.empty() : Optional.ofNullable(em.find(InvoiceNotification.class, invoiceId));
    }
}
