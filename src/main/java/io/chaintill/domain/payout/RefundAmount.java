package io.chaintill.domain.payout;

import io.chaintill.domain.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The pull payment a refund makes, per variant, as BTCPay computes it: the amount and currency, and whether claims
 * are approved at once (crypto amounts need no rate decision; a fiat amount is converted when the merchant approves).
 */
public record RefundAmount(BigDecimal amount, String currency, boolean autoApproveClaims) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param customAmount and {@code customCurrency} only for {@link RefundVariant#Custom}
     * @param subtractPercentage null or 0..100: taken off the amount (a processing charge, the mining fee)
     */
    public static RefundAmount of(RefundVariant variant, RefundBasis b, BigDecimal customAmount, String customCurrency,
                                  BigDecimal subtractPercentage) {
        if (variant != RefundVariant.Custom && b.cryptoPaid().signum() <= 0) {
            throw new InvalidInputException("refundVariant", "nothing was paid to this invoice in " + b.cryptoCurrency());
        }
        BigDecimal paidInInvoiceCurrency = b.cryptoPaid().multiply(b.rateThen()).setScale(b.invoiceDecimals(), RoundingMode.DOWN);
        RefundAmount r = switch (variant) {
            case RateThen -> new RefundAmount(b.cryptoPaid(), b.cryptoCurrency(), true);
            case CurrentRate -> new RefundAmount(atCurrentRate(b, paidInInvoiceCurrency), b.cryptoCurrency(), true);
            case Fiat -> new RefundAmount(paidInInvoiceCurrency, b.invoiceCurrency(), false);
            case OverpaidAmount -> overpaid(b, paidInInvoiceCurrency);
            case Custom -> custom(b, customAmount, customCurrency);
        };
        return r.less(subtractPercentage, r.currency().equals(b.cryptoCurrency()) ? b.cryptoDecimals() : b.invoiceDecimals());
    }

    /** The value paid, in the invoice currency, bought back in crypto at today's rate (rounded down). */
    private static BigDecimal atCurrentRate(RefundBasis b, BigDecimal paidInInvoiceCurrency) {
        if (b.rateNow() == null || b.rateNow().signum() <= 0) {
            throw new InvalidInputException("refundVariant", "no current rate of " + b.cryptoCurrency() + " in "
                    + b.invoiceCurrency() + " is available");
        }
        BigDecimal crypto = paidInInvoiceCurrency.divide(b.rateNow(), b.cryptoDecimals(), RoundingMode.DOWN);
        if (crypto.signum() <= 0) {
            throw new InvalidInputException("refundVariant", "the paid value rounds to zero at the current rate");
        }
        return crypto;
    }

    private static RefundAmount overpaid(RefundBasis b, BigDecimal paidInInvoiceCurrency) {
        if (!b.overpaid() || b.invoicePrice() == null) {
            throw new InvalidInputException("refundVariant", "the invoice is not overpaid");
        }
        BigDecimal over = paidInInvoiceCurrency.subtract(b.invoicePrice());
        BigDecimal crypto = over.divide(b.rateThen(), b.cryptoDecimals(), RoundingMode.DOWN);
        if (crypto.signum() <= 0) {
            throw new InvalidInputException("refundVariant", "the overpaid amount rounds to zero");
        }
        return new RefundAmount(crypto, b.cryptoCurrency(), true);
    }

    private static RefundAmount custom(RefundBasis b, BigDecimal amount, String currency) {
        if (amount == null) {
            throw new InvalidInputException("customAmount", "is required for the Custom variant");
        }
        if (amount.signum() <= 0) {
            throw new InvalidInputException("customAmount", "must be positive");
        }
        if (currency == null || currency.isBlank()) {
            throw new InvalidInputException("customCurrency", "is required for the Custom variant");
        }
        return new RefundAmount(amount, currency, currency.equals(b.cryptoCurrency()));
    }

    private RefundAmount less(BigDecimal percentage, int decimals) {
        if (percentage == null || percentage.signum() == 0) {
            return this;
        }
        if (percentage.signum() < 0 || percentage.compareTo(HUNDRED) >= 0) {
            throw new InvalidInputException("subtractPercentage", "must be at least 0 and less than 100");
        }
        BigDecimal cut = amount.multiply(percentage).divide(HUNDRED, decimals, RoundingMode.UP);
        BigDecimal left = amount.subtract(cut).setScale(Math.max(decimals, 0), RoundingMode.DOWN);
        if (left.signum() <= 0) {
            throw new InvalidInputException("subtractPercentage", "leaves nothing to refund");
        }
        return new RefundAmount(left, currency, autoApproveClaims);
    }
}
