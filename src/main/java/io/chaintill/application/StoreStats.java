package io.chaintill.application;

import java.time.LocalDate;
import java.util.List;

/**
 * A store's overview for the last {@code days} UTC days (today included). Webhook figures are null for callers
 * who may not see the webhook delivery log.
 */
public record StoreStats(int days, LocalDate firstDay, LocalDate lastDay, List<DailyTotals.Entry> settledByCurrency,
                         List<DailyTotals.Entry> receivedByPaymentMethod, long newInvoices, long processingInvoices,
                         long invalidInvoices, Long failedDeliveries, Long failingDeliveries) {
}
