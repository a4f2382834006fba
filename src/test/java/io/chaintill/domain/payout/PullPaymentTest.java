package io.chaintill.domain.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullPaymentTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final PaymentMethodId ETH = new PaymentMethodId("ETH", "CHAIN");

    private static PullPayment pp(Instant startsAt, Instant expiresAt) {
        return PullPayment.create("pp", "s", new PullPaymentTerms("n", "d", new BigDecimal("1.5"), "BTC",
                List.of(PaymentMethodId.BTC_CHAIN, PaymentMethodId.BTC_CHAIN), startsAt, expiresAt, true, "inv"), NOW);
    }

    @Test
    void claimsUpToTheAmountAreAccepted() {
        PullPayment p = pp(null, null);
        p.checkClaim(PaymentMethodId.BTC_CHAIN, new BigDecimal("0.5"), new BigDecimal("1.0"), NOW);
        assertEquals(List.of(PaymentMethodId.BTC_CHAIN), p.payoutMethods());
        assertEquals(new BigDecimal("0.5"), p.remaining(new BigDecimal("1.0")));
        assertEquals(BigDecimal.ZERO, p.remaining(new BigDecimal("2")));
    }

    @Test
    void refusalsCarryBtcpaysCodes() {
        PullPayment p = pp(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2)));
        assertEquals("not-started", code(() -> p.checkClaim(PaymentMethodId.BTC_CHAIN, BigDecimal.ONE, BigDecimal.ZERO, NOW)));
        assertEquals("expired", code(() -> p.checkClaim(PaymentMethodId.BTC_CHAIN, BigDecimal.ONE, BigDecimal.ZERO,
                NOW.plus(Duration.ofHours(2)))));
        PullPayment open = pp(null, null);
        assertEquals("overdraft", code(() -> open.checkClaim(PaymentMethodId.BTC_CHAIN, new BigDecimal("0.6"),
                new BigDecimal("1.0"), NOW)));
        assertEquals("payoutMethodId", assertThrows(InvalidInputException.class,
                () -> open.checkClaim(ETH, BigDecimal.ONE, BigDecimal.ZERO, NOW)).field());
        assertEquals("amount", assertThrows(InvalidInputException.class,
                () -> open.checkClaim(PaymentMethodId.BTC_CHAIN, BigDecimal.ZERO, BigDecimal.ZERO, NOW)).field());
        open.archive();
        assertEquals("archived", code(() -> open.checkClaim(PaymentMethodId.BTC_CHAIN, BigDecimal.ONE, BigDecimal.ZERO, NOW)));
    }

    @Test
    void termsAreCheckedWhoeverCreatesThem() {
        assertEquals("amount", field(() -> new PullPaymentTerms(null, null, BigDecimal.ZERO, "BTC",
                List.of(PaymentMethodId.BTC_CHAIN), null, null, false, null)));
        assertEquals("payoutMethods", field(() -> new PullPaymentTerms(null, null, BigDecimal.ONE, "BTC",
                List.of(), null, null, false, null)));
        assertEquals("name", field(() -> new PullPaymentTerms("x".repeat(201), null, BigDecimal.ONE, "BTC",
                List.of(PaymentMethodId.BTC_CHAIN), null, null, false, null)));
        assertEquals("expiresAt", field(() -> new PullPaymentTerms(null, null, BigDecimal.ONE, "BTC",
                List.of(PaymentMethodId.BTC_CHAIN), NOW, NOW, false, null)));
    }

    private static String code(Runnable r) {
        return assertThrows(PayoutRefusedException.class, r::run).code();
    }

    private static String field(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).field();
    }
}
