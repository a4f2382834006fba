package io.chaintill.web.payout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payout.Payout;
import io.chaintill.domain.payout.PullPayment;
import io.chaintill.domain.payout.PullPaymentTerms;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimPageTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static PullPayment pp(String name) {
        return PullPayment.create("pp1", "s", new PullPaymentTerms(name, "<b>sorry</b>", new BigDecimal("0.0005"), "BTC",
                List.of(PaymentMethodId.BTC_CHAIN), null, null, true, "inv"), NOW);
    }

    @Test
    void everythingTheMerchantOrBuyerTypedIsEscapedAndThePageHasNoScript() {
        String html = ClaimPage.render(pp("Refund <script>alert(1)</script>"), List.of(), new BigDecimal("0.0005"),
                "destination", "destination: \"bad\" <input>", null, "\"><script>", null);
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;b&gt;sorry&lt;/b&gt;"));
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;\""));
        assertTrue(html.contains("id=\"error\""));
        assertTrue(html.contains("Left to claim: <strong>0.0005 BTC</strong>"));
    }

    @Test
    void nothingLeftMeansNoFormAndTheClaimsAreListed() {
        PullPayment p = pp("Refund");
        Payout claimed = Payout.claim("po", p, "bcrt1qdest", PaymentMethodId.BTC_CHAIN, new BigDecimal("0.0005"), NOW);
        claimed.approve(BigDecimal.ONE, 8, null, NOW);
        String html = ClaimPage.render(p, List.of(claimed), BigDecimal.ZERO, null, null, claimed, null, null);
        assertFalse(html.contains("<form"));
        assertTrue(html.contains("approved, awaiting payment"));
        assertTrue(html.contains("data-state=\"AwaitingPayment\""));
    }
}
