package io.chaintill.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chaintill.chain.bitcoin.BitcoinPaymentHandler;
import io.chaintill.chain.ChainNetwork;
import io.chaintill.domain.invoice.PaymentTotals;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentTotalsCalculatorTest {
    private static final BitcoinPaymentHandler BTC = new BitcoinPaymentHandler(ChainNetwork.REGTEST);
    private static final CryptoAmount DUE = sats(10_000);

    private static CryptoAmount sats(long n) {
        return CryptoAmount.ofUnits(BigInteger.valueOf(n), 8);
    }

    private static Payment payment(String txid, long sats, boolean rbf, Integer height) {
        Payment p = new Payment(PaymentMethodId.BTC_CHAIN, txid, 0, "inv", "prompt", "bcrt1q", sats(sats), rbf, Instant.EPOCH);
        if (height != null) {
            p.confirmIn(height, "hash" + height);
        }
        return p;
    }

    private static PaymentTotals totals(SpeedPolicy policy, int tip, Payment... payments) {
        return PaymentTotalsCalculator.totals(DUE, 8, List.of(payments), tip, rbf -> BTC.confirmationsRequired(policy, rbf));
    }

    @Test
    void receivedCountsEveryValidPaymentAndConfirmedOnlyFinalOnes() {
        PaymentTotals t = totals(SpeedPolicy.MediumSpeed, 100,
                payment("a", 4000, false, 100), payment("b", 3000, false, null));
        assertEquals(sats(7000), t.received());
        assertEquals(sats(4000), t.confirmed());
        assertEquals(DUE, t.due());
    }

    @Test
    void invalidPaymentsCountForNothing() {
        Payment gone = payment("a", 9000, false, null);
        gone.invalidate();
        PaymentTotals t = totals(SpeedPolicy.HighSpeed, 100, gone, payment("b", 1000, false, null));
        assertEquals(sats(1000), t.received());
    }

    @Test
    void confirmationsPerSpeedPolicy() {
        Payment oneConf = payment("a", 10_000, false, 100);
        assertEquals(sats(10_000), totals(SpeedPolicy.MediumSpeed, 100, oneConf).confirmed());
        assertEquals(sats(0), totals(SpeedPolicy.LowMediumSpeed, 100, oneConf).confirmed());
        assertEquals(sats(10_000), totals(SpeedPolicy.LowMediumSpeed, 101, oneConf).confirmed());
        assertEquals(sats(0), totals(SpeedPolicy.LowSpeed, 104, oneConf).confirmed());
        assertEquals(sats(10_000), totals(SpeedPolicy.LowSpeed, 105, oneConf).confirmed());
    }

    @Test
    void highSpeedAcceptsZeroConfUnlessThePaymentSignalsRbf() {
        assertEquals(sats(10_000), totals(SpeedPolicy.HighSpeed, 100, payment("a", 10_000, false, null)).confirmed());
        assertEquals(sats(0), totals(SpeedPolicy.HighSpeed, 100, payment("a", 10_000, true, null)).confirmed());
        assertEquals(sats(10_000), totals(SpeedPolicy.HighSpeed, 100, payment("a", 10_000, true, 100)).confirmed());
    }

    @Test
    void aReorgedPaymentLosesItsConfirmationsAndSettlesAgainWithoutASecondEvent() {
        Payment p = payment("a", 10_000, false, 100);
        assertEquals(true, p.settle());
        p.unconfirm();
        assertEquals(PaymentStatus.Processing, p.status());
        assertEquals(0, p.confirmations(105));
        p.confirmIn(103, "h");
        assertEquals(false, p.settle(), "InvoicePaymentSettled is sent once");
    }

    @Test
    void aPaymentSeenAgainAfterBeingDroppedCountsAgain() {
        Payment p = payment("a", 10_000, false, null);
        p.invalidate();
        p.seenUnconfirmed();
        assertEquals(PaymentStatus.Processing, p.status());
        assertEquals("a-0", p.publicId());
    }
}
