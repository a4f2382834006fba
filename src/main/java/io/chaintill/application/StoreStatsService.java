package io.chaintill.application;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.domain.payment.Payment;
import io.chaintill.persistence.StoreStatsQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** The figures of a store's dashboard overview (ChainTill addition). Days are UTC days. */
@ApplicationScoped
public class StoreStatsService {
    public static final int MAX_DAYS = 366;

    @Inject
    Authorizer authorizer;
    @Inject
    StoreStatsQueries queries;
    @Inject
    Clock clock;

    @Transactional
    public StoreStats stats(Caller caller, String storeId, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "must be between 1 and " + MAX_DAYS);
        }
        authorizer.requireAccess(caller, Policy.STORE_VIEW_INVOICES, storeId);
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate firstDay = today.minusDays(days - 1L);
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();

        // one settle per invoice: an invoice marked settled after an earlier settle counts on its latest day only
        Map<String, StoreStatsQueries.SettledInvoice> latest = new HashMap<>();
        for (StoreStatsQueries.SettledInvoice s : queries.settledSince(storeId, from)) {
            latest.merge(s.invoiceId(), s, (a, b) -> a.settledAt().isAfter(b.settledAt()) ? a : b);
        }
        DailyTotals settled = new DailyTotals();
        latest.values().forEach(s -> settled.add(s.settledAt(), s.currency(), s.amount().stripTrailingZeros()));
        DailyTotals received = new DailyTotals();
        for (Payment p : queries.paymentsSince(storeId, from)) {
            received.add(p.receivedAt(), p.paymentMethodId().toString(), p.value().toDecimal());
        }
        boolean webhooks = caller.holds(Policy.STORE_MODIFY_WEBHOOKS, storeId);
        return new StoreStats(days, firstDay, today, settled.entries(), received.entries(),
                queries.countInStatus(storeId, InvoiceStatus.New), queries.countInStatus(storeId, InvoiceStatus.Processing),
                queries.invalidatedSince(storeId, from),
                webhooks ? queries.failedDeliveriesSince(storeId, from) : null,
                webhooks ? queries.failingDeliveries(storeId) : null);
    }
}
