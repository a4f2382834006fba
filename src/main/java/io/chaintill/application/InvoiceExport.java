package io.chaintill.application;

import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.Payment;
import io.chaintill.persistence.InvoiceQuery;
import io.chaintill.persistence.InvoiceRepository;
import io.chaintill.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the invoice CSV export, a page at a time so a large store streams out without being held in memory.
 * One column per payment method the server supports, so every export of a server has the same columns.
 */
@ApplicationScoped
public class InvoiceExport {
    @Inject
    Authorizer authorizer;
    @Inject
    InvoiceRepository invoices;
    @Inject
    PaymentRepository payments;
    @Inject
    PaymentMethodHandlers handlers;

    /** Checked before the first byte goes out, so a refusal is still a proper JSON error. */
    public void authorize(Caller caller, String storeId) {
        authorizer.requireAccess(caller, Policy.STORE_VIEW_INVOICES, storeId);
    }

    public List<String> header() {
        List<String> h = new ArrayList<>(List.of("invoiceId", "orderId", "created", "status", "additionalStatus",
                "currency", "amount"));
        handlers.supported().forEach(m -> h.add("paid_" + m));
        h.add("settled");
        return h;
    }

    /** The rows of one page of the query (its skip/take), in the list's order. */
    @Transactional
    public List<List<String>> page(InvoiceQuery query) {
        List<Invoice> page = invoices.search(query);
        List<String> ids = page.stream().map(Invoice::id).toList();
        Map<String, Map<String, CryptoAmount>> paid = paidPerMethod(ids);
        Map<String, Instant> settled = invoices.lastEventTimes(ids, "InvoiceSettled");
        List<List<String>> rows = new ArrayList<>();
        for (Invoice i : page) {
            List<String> row = new ArrayList<>();
            row.add(i.id());
            row.add(i.orderId());
            row.add(time(i.createdAt()));
            row.add(i.status().name());
            row.add(i.additionalStatus().name());
            row.add(i.currency());
            row.add(i.amount().map(a -> a.stripTrailingZeros().toPlainString()).orElse(""));
            Map<String, CryptoAmount> ofInvoice = paid.getOrDefault(i.id(), Map.of());
            for (String method : handlers.supported()) {
                CryptoAmount a = ofInvoice.get(method);
                row.add(a == null ? "" : a.toPlainString());
            }
            row.add(i.status() == InvoiceStatus.Settled ? time(settled.get(i.id())) : "");
            rows.add(row);
        }
        return rows;
    }

    /** Valid payments summed per invoice and method, in one query for the whole page. */
    private Map<String, Map<String, CryptoAmount>> paidPerMethod(List<String> invoiceIds) {
        Map<String, Map<String, CryptoAmount>> out = new HashMap<>();
        for (Payment p : payments.ofInvoices(invoiceIds)) {
            if (p.valid()) {
                out.computeIfAbsent(p.invoiceId(), k -> new HashMap<>())
                        .merge(p.paymentMethodId().toString(), p.value(), CryptoAmount::plus);
            }
        }
        return out;
    }

    private static String time(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
