package io.chaintill.persistence;

import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.InvoiceChanged;
import io.chaintill.domain.invoice.InvoiceEvent;
import io.chaintill.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Invoices and their outbox events. {@link #save} stores the invoice and the events it raised together, which is
 * what makes "a state change without its event" impossible: callers never write one without the other.
 */
@ApplicationScoped
public class InvoiceRepository {
    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;
    @Inject
    Event<InvoiceChanged> changes;

    public Optional<Invoice> find(String id) {
        return Optional.ofNullable(em.find(Invoice.class, id));
    }

    /**
     * An invoice of {@code storeId} and its prompts in one statement, for an answer only, and only if the store
     * exists and, unless {@code owner} is empty (an admin), belongs to {@code owner}: the permission check's store
     * read is part of the same statement. Read-only, so the persistence context keeps no working copy of it to
     * compare at commit. Callers must not change it; {@link #find} is for changes. The queries and their hints are in
     * META-INF/orm.xml, translated to SQL once.
     */
    public Optional<Invoice> findToRead(String id, String storeId, Optional<String> owner) {
        TypedQuery<Invoice> q = owner.isPresent()
                ? em.createNamedQuery("Invoice.toRead", Invoice.class).setParameter("owner", owner.get())
                : em.createNamedQuery("Invoice.toReadAsAdmin", Invoice.class);
        return q.setParameter("id", id).setParameter("storeId", storeId).getResultStream().findFirst();
    }

    public Optional<Invoice> findForUpdate(String id) {
        return Optional.ofNullable(em.find(Invoice.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Invoice> findByIdempotencyKey(String storeId, String key) {
        return em.createQuery("select i from Invoice i where i.storeId = :s and i.idempotencyKey = :k", Invoice.class)
                .setParameter("s", storeId).setParameter("k", key)
                .getResultStream().findFirst();
    }

    public void save(Invoice invoice) {
        // drain first: a merge returns a different instance, which does not carry the raised events
        List<InvoiceEvent> raised = invoice.drainEvents();
        if (!em.contains(invoice)) {
            if (em.find(Invoice.class, invoice.id()) == null) {
                em.persist(invoice);
            } else {
                em.merge(invoice);
            }
        }
        persistEvents(invoice, raised);
    }

    /**
     * A new invoice: stores it and its events at once (flushed, not yet committed), so that the caller's row locks
     * taken afterwards (the address counters) are held only for what follows, not for these writes. Prompts added
     * to the invoice later in the same transaction are stored at commit (cascade).
     */
    public void add(Invoice invoice) {
        em.persist(invoice);
        persistEvents(invoice, invoice.drainEvents());
        em.flush();
    }

    private void persistEvents(Invoice invoice, List<InvoiceEvent> raised) {
        for (InvoiceEvent e : raised) {
            em.persist(new InvoiceEventRecord(invoice.id(), invoice.storeId(), e.type().name(), toJson(e.data()), e.at()));
        }
        changes.fire(InvoiceChanged.here(invoice));
    }

    /** Ids of New invoices whose expiration time has passed, oldest first. */
    public List<String> dueForExpiry(Instant now, int limit) {
        return em.createQuery("select i.id from Invoice i where i.status = io.chaintill.domain.invoice.InvoiceStatus.New"
                        + " and i.expiresAt <= :now order by i.expiresAt", String.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /**
     * A page of a store's invoices, newest first: the page's ids ({@link InvoicePageSql}), then those invoices,
     * read-only as in {@link #findToRead}.
     */
    @SuppressWarnings("unchecked")
    public List<Invoice> search(InvoiceQuery q) {
        InvoicePageSql page = InvoicePageSql.of(q);
        Query idQuery = em.createNativeQuery(page.sql());
        for (int p = 0; p < page.parameters().size(); p++) {
            idQuery.setParameter(p + 1, page.parameters().get(p));
        }
        List<String> ids = ((List<Object>) idQuery.getResultList()).stream().map(Object::toString).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // the page's prompts are joined in (a row per prompt: the map drops the repeats)
        Map<String, Invoice> byId = new HashMap<>();
        em.createNamedQuery("Invoice.pageToRead", Invoice.class).setParameter("ids", ids).getResultList()
                .forEach(i -> byId.put(i.id(), i));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    public List<InvoiceEventRecord> events(String invoiceId) {
        return em.createQuery("select e from InvoiceEventRecord e where e.invoiceId = :i order by e.id", InvoiceEventRecord.class)
                .setParameter("i", invoiceId).getResultList();
    }

    /** The time of the latest event of {@code type} per invoice, for several invoices in one query. */
    public Map<String, Instant> lastEventTimes(List<String> invoiceIds, String type) {
        Map<String, Instant> out = new HashMap<>();
        if (invoiceIds.isEmpty()) {
            return out;
        }
        em.createQuery("select e from InvoiceEventRecord e where e.invoiceId in :ids and e.type = :t", InvoiceEventRecord.class)
                .setParameter("ids", invoiceIds).setParameter("t", type).getResultList()
                .forEach(e -> out.merge(e.invoiceId(), e.createdAt(), (a, b) -> a.isAfter(b) ? a : b));
        return out;
    }

    private static String toJson(Map<String, Object> data) {
        return toJsonObject(data).build().toString();
    }

    /** Nested maps (e.g. the payment object of payment events) become nested JSON objects. */
    private static JsonObjectBuilder toJsonObject(Map<?, ?> data) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        data.forEach((key, v) -> {
            String k = String.valueOf(key);
            if (v instanceof Map<?, ?> nested) {
                b.add(k, toJsonObject(nested));
            } else if (v instanceof Boolean bool) {
                b.add(k, bool);
            } else if (v instanceof Number n) {
                b.add(k, new BigDecimal(n.toString()));
            } else {
                b.add(k, String.valueOf(v));
            }
        });
        return b;
    }
}
