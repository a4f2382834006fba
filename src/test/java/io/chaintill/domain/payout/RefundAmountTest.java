package io.chaintill.domain.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chaintill.domain.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A 100 USD invoice quoted at 40000 USD/BTC (0.0025 BTC due), paid 0.003 BTC: 20 USD over; BTC is at 60000 USD now. */
class RefundAmountTest {
    private static final RefundBasis OVERPAID = new RefundBasis(new BigDecimal("100"), "USD", 2, "BTC", 8,
            new BigDecimal("40000"), new BigDecimal("60000"), new BigDecimal("0.003"), true);

    private static RefundAmount of(RefundVariant v) {
        return RefundAmount.of(v, OVERPAID, null, null, null);
    }

    @Test
    void rateThenRefundsTheCryptoPaid() {
        assertEquals(new RefundAmount(new BigDecimal("0.003"), "BTC", true), of(RefundVariant.RateThen));
    }

    @Test
    void currentRateRefundsThePaidValueInCryptoAtTodaysRate() {
        // as BTCPay: the 120 USD paid, bought back at 60000 USD/BTC, in BTC and approved at once
        assertEquals(new RefundAmount(new BigDecimal("0.00200000"), "BTC", true), of(RefundVariant.CurrentRate));
        RefundBasis noRateNow = new RefundBasis(new BigDecimal("100"), "USD", 2, "BTC", 8, new BigDecimal("40000"), null,
                new BigDecimal("0.003"), true);
        assertEquals("refundVariant", assertThrows(InvalidInputException.class,
                () -> RefundAmount.of(RefundVariant.CurrentRate, noRateNow, null, null, null)).field());
    }

    @Test
    void fiatRefundsThePaidValueInTheInvoiceCurrencyForTheMerchantToApprove() {
        assertEquals(new RefundAmount(new BigDecimal("120.00"), "USD", false), of(RefundVariant.Fiat));
    }

    @Test
    void overpaidAmountRefundsOnlyTheExcessInCrypto() {
        assertEquals(new RefundAmount(new BigDecimal("0.00050000"), "BTC", true), of(RefundVariant.OverpaidAmount));
        RefundBasis exact = new RefundBasis(new BigDecimal("100"), "USD", 2, "BTC", 8, new BigDecimal("40000"),
                new BigDecimal("60000"), new BigDecimal("0.0025"), false);
        assertEquals("refundVariant", assertThrows(InvalidInputException.class,
                () -> RefundAmount.of(RefundVariant.OverpaidAmount, exact, null, null, null)).field());
    }

    @Test
    void customTakesTheCallersAmountAndAutoApprovesOnlyInTheCryptoCurrency() {
        assertEquals(new RefundAmount(new BigDecimal("5"), "USD", false),
                RefundAmount.of(RefundVariant.Custom, OVERPAID, new BigDecimal("5"), "USD", null));
        assertEquals(new RefundAmount(new BigDecimal("0.001"), "BTC", true),
                RefundAmount.of(RefundVariant.Custom, OVERPAID, new BigDecimal("0.001"), "BTC", null));
        assertEquals("customAmount", assertThrows(InvalidInputException.class,
                () -> RefundAmount.of(RefundVariant.Custom, OVERPAID, null, "USD", null)).field());
        assertEquals("customCurrency", assertThrows(InvalidInputException.class,
                () -> RefundAmount.of(RefundVariant.Custom, OVERPAID, BigDecimal.ONE, " ", null)).field());
    }

    @Test
    void subtractPercentageReducesTheAmountInItsCurrencysDecimals() {
        assertEquals(new RefundAmount(new BigDecimal("0.00294000"), "BTC", true),
                RefundAmount.of(RefundVariant.RateThen, OVERPAID, null, null, new BigDecimal("2")));
        assertEquals(new RefundAmount(new BigDecimal("117.48"), "USD", false),
                RefundAmount.of(RefundVariant.Fiat, OVERPAID, null, null, new BigDecimal("2.1")));
        assertEquals("subtractPercentage", assertThrows(InvalidInputException.class,
                () -> RefundAmount.of(RefundVariant.Fiat, OVERPAID, null, null, new BigDecimal("100"))).field());
    }

    @Test
    void anUnpaidInvoiceHasNothingToRefundButWhatTheMerchantNames() {
        RefundBasis unpaid = new RefundBasis(new BigDecimal("100"), "USD", 2, "BTC", 8, new BigDecimal("40000"),
                new BigDecimal("60000"), BigDecimal.ZERO, false);
        for (RefundVariant v : new RefundVariant[] {RefundVariant.RateThen, RefundVariant.CurrentRate, RefundVariant.Fiat,
                RefundVariant.OverpaidAmount}) {
            assertThrows(InvalidInputException.class, () -> RefundAmount.of(v, unpaid, null, null, null), v.name());
        }
        assertEquals(new RefundAmount(new BigDecimal("100"), "USD", false),
                RefundAmount.of(RefundVariant.Custom, unpaid, new BigDecimal("100"), "USD", null));
    }
}
