package io.chaintill.domain.payout;

import java.math.BigDecimal;

/**
 * What a refund is computed from: the invoice's price and currency (price null for a top-up invoice), the payment
 * method's currency and decimals, the rate the invoice was quoted at and the market rate now (both invoice currency
 * per unit of crypto; now is null where no current rate was fetched), what was paid in crypto, and whether the
 * invoice is marked overpaid.
 */
public record RefundBasis(BigDecimal invoicePrice, String invoiceCurrency, int invoiceDecimals, String cryptoCurrency,
                          int cryptoDecimals, BigDecimal rateThen, BigDecimal rateNow, BigDecimal cryptoPaid,
                          boolean overpaid) {
}
