package io.chaintill.application;

import io.chaintill.domain.invoice.ReceiptOptions;
import java.math.BigDecimal;
import java.util.List;

/**
 * An invoice as a shop asks for it, already shaped (types checked) but not yet validated against the store.
 * Nulls mean "use the store's default". {@code paymentMethods} null means every method enabled on the store.
 */
public record InvoiceRequest(BigDecimal amount, String currency, String metadataJson, String orderId,
                             List<String> searchValues, List<String> paymentMethods, String speedPolicy,
                             BigDecimal paymentTolerance, Integer expirationMinutes, Integer monitoringMinutes,
                             String redirectUrl, Boolean redirectAutomatically, String defaultLanguage,
                             String defaultPaymentMethod, ReceiptOptions receipt) {
}
