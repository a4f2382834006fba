package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.application.CheckoutView;
import io.chaintill.domain.invoice.AdditionalStatus;
import io.chaintill.domain.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;

/** The checkout page in BTCPay's modal view, the legacy status words it posts, and who may frame it. */
class CheckoutModalTest {
    private static String render(CheckoutView v, boolean modal) {
        CheckoutMessages t = CheckoutMessages.of("en");
        return CheckoutPage.render(v, new CheckoutStatus(v, t, false), t, v.methods().get(0), CheckoutViews.NOW, modal);
    }

    @Test
    void modalViewHasACloseButtonAndLinksThatStayInModalView() {
        CheckoutView v = CheckoutViews.view(InvoiceStatus.Settled, AdditionalStatus.None, 2, 1, "0.001", "0",
                "https://shop.example/done");
        String html = render(v, true);
        assertTrue(html.contains("<body class=\"modal\">"));
        assertTrue(html.contains("data-view=\"modal\" data-legacy-status=\"complete\""));
        assertTrue(html.contains("<button type=\"button\" id=\"close\" class=\"close\" aria-label=\"Close\" hidden>"));
        assertTrue(html.contains("href=\"/invoice?id=inv1&amp;view=modal&amp;lang=de&amp;method=BTC-CHAIN\""), html);
        assertTrue(html.contains("<a id=\"return\" class=\"button\" href=\"https://shop.example/done\" target=\"_top\">"));
        assertFalse(html.contains("style=") || html.contains("<script>"), "no inline style or script in modal view either");
    }

    @Test
    void theNormalPageIsUnchanged() {
        String html = render(CheckoutViews.view(InvoiceStatus.New, AdditionalStatus.None, 0, 0), false);
        assertTrue(html.contains("<body>\n"));
        assertFalse(html.contains("data-view") || html.contains("id=\"close\"") || html.contains("/invoice?"));
    }

    @Test
    void legacyStatusesAreTheOnesBtcpaysFramePosts() {
        CheckoutMessages t = CheckoutMessages.of("en");
        String[][] expected = {{"New", "new"}, {"Processing", "paid"}, {"Settled", "complete"}, {"Expired", "expired"},
            {"Invalid", "invalid"}};
        for (String[] e : expected) {
            CheckoutView v = CheckoutViews.view(InvoiceStatus.valueOf(e[0]), AdditionalStatus.None, 0, 0);
            CheckoutStatus s = new CheckoutStatus(v, t, false);
            assertEquals(e[1], s.legacyStatus());
            assertEquals(e[1], s.json().getString("legacyStatus"));
        }
    }

    @Test
    void frameAncestorsKeepsOnlyWellFormedSources() {
        assertEquals("*", FrameAncestors.directive("*"));
        assertEquals("https://shop.example http://127.0.0.1:8080", FrameAncestors.directive("https://shop.example/, http://127.0.0.1:8080"));
        assertEquals("'none'", FrameAncestors.directive("javascript:alert(1); script-src *"), "no other directive gets in");
        assertEquals("'none'", FrameAncestors.directive("https://a.example; default-src *"), "a typo fails closed");
        assertEquals("'none'", FrameAncestors.directive(""));
    }
}
