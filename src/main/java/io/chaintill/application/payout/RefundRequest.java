package io.chaintill.application.payout;

import io.chaintill.domain.payout.RefundVariant;
import java.math.BigDecimal;
import java.util.List;

/**
 * Greenfield's RefundInvoiceRequest. {@code payoutMethods} null falls back to the deprecated single
 * {@code paymentMethod}, then to the method the invoice was paid in.
 */
public record RefundRequest(String name, String description, List<String> payoutMethods, String paymentMethod,
                            RefundVariant variant, BigDecimal subtractPercentage, BigDecimal customAmount,
                            String customCurrency) {
}
