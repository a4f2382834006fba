package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.application.CheckoutView;
import io.chaintill.domain.invoice.AdditionalStatus;
import io.chaintill.domain.invoice.InvoiceStatus;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckoutPageTest {
    private static String render(CheckoutView v, String lang) {
        CheckoutMessages t = CheckoutMessages.of(lang);
        return CheckoutPage.render(v, new CheckoutStatus(v, t, false), t, v.methods().get(0), CheckoutViews.NOW);
    }

    @Test
    void aWaitingInvoiceIsACompletePlainPage() {
        String html = render(CheckoutViews.view(InvoiceStatus.New, AdditionalStatus.None, 0, 0), "en");
        assertTrue(html.startsWith("<!doctype html>\n<html lang=\"en\">"));
        assertTrue(html.contains("<p id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\">Waiting for payment</p>"));
        assertTrue(html.contains("<span id=\"amount\">0.001</span> BTC"));
        assertTrue(html.contains("<code id=\"address\" class=\"address\">bcrt1qexample</code>"));
        assertTrue(html.contains("src=\"/i/inv1/BTC-CHAIN/qr.svg?size=280&amp;v=100000\""));
        assertTrue(html.contains("alt=\"QR code: pay 0.001 BTC to bcrt1qexample\""));
        assertTrue(html.contains("href=\"bitcoin:bcrt1qexample?amount=0.001\""));
        assertTrue(html.contains("1 BTC = 50000 USD"));
        assertTrue(html.contains("<span id=\"countdown\">15:00</span>"));
        assertTrue(html.contains("<noscript><meta http-equiv=\"refresh\" content=\"15\"></noscript>"));
        assertTrue(html.contains("data-copy=\"address\" hidden>Copy address</button>"), "copy buttons wait for the script");
        assertTrue(html.contains("<section id=\"receipt\" class=\"receipt\" aria-labelledby=\"receipt-title\" hidden>"));
    }

    @Test
    void noInlineScriptOrStyleAndEverythingEscaped() {
        String html = render(CheckoutViews.view(InvoiceStatus.New, AdditionalStatus.None, 0, 0), "en");
        assertFalse(html.contains("<script>") || html.contains("style=") || html.contains("<style") || html.matches("(?s).*\\son[a-z]+=.*"),
                "the CSP allows neither");
        assertTrue(html.contains("Corner &lt;Shop&gt;") && html.contains("Mug &quot;blue&quot;") && html.contains("Order A&amp;1"));
        assertFalse(html.contains("<Shop>"));
    }

    @Test
    void paidInvoiceShowsTheReceiptAndTheReturnLinkButNoPaymentDetails() {
        CheckoutView v = CheckoutViews.view(InvoiceStatus.Settled, AdditionalStatus.None, 2, 1, "0.001", "0",
                "https://shop.example/done/{InvoiceId}?o={OrderId}");
        String html = render(v, "de");
        assertTrue(html.contains("<html lang=\"de\">"));
        assertTrue(html.contains("<section id=\"pay\" class=\"pay\" aria-label=\"Mit BTC bezahlen\" hidden>"));
        assertTrue(html.contains("<section id=\"receipt\" class=\"receipt\" aria-labelledby=\"receipt-title\">"));
        assertTrue(html.contains("<dd id=\"receipt-paid\">0.001 BTC</dd>"));
        assertTrue(html.contains("href=\"https://shop.example/done/inv1?o=A%261\">Zurück zu Corner &lt;Shop&gt;</a>"));
        assertTrue(html.contains(">Bezahlt. Vielen Dank!</p>"));
    }

    @Test
    void theReceiptLinksEachOpenRefundToItsClaimPage() {
        CheckoutView paid = CheckoutViews.view(InvoiceStatus.Settled, AdditionalStatus.None, 2, 1, "0.001", "0", null);
        assertFalse(render(paid, "en").contains("refund-claim"), "no refund, no link");
        CheckoutView refunded = new CheckoutView(paid.invoiceId(), paid.storeName(), paid.orderId(), paid.itemDesc(),
                paid.amount(), paid.currency(), paid.status(), paid.additionalStatus(), paid.expiresAt(),
                paid.defaultLanguage(), paid.defaultMethod(), paid.redirectUrl(), paid.redirectAutomatically(),
                paid.methods(), List.of("pp1", "pp2"));
        String html = render(refunded, "es");
        assertTrue(html.contains("<p><a class=\"refund-claim\" href=\"/pull-payments/pp1\">Solicitar su reembolso</a></p>"), html);
        assertTrue(html.contains("href=\"/pull-payments/pp2\""), html);
    }

    @Test
    void statusJsonCarriesConfirmationsAndTheNewQrAfterAPartialPayment() {
        CheckoutMessages en = CheckoutMessages.of("en");
        JsonObject seen = new CheckoutStatus(CheckoutViews.view(InvoiceStatus.Processing, AdditionalStatus.None, 1, 1,
                "0.001", "0", null), en, false).json();
        assertEquals("seen", seen.getString("state"));
        assertEquals("Payment seen, waiting for confirmations (1/2)", seen.getString("message"));
        assertFalse(seen.getBoolean("receipt"));
        assertTrue(seen.isNull("redirectUrl"));
        JsonObject partial = new CheckoutStatus(CheckoutViews.view(InvoiceStatus.New, AdditionalStatus.PaidPartial, 0, 1,
                "0.0004", "0.0006", null), en, false).json();
        assertEquals("Partial payment received. Still due: 0.0006 BTC", partial.getString("message"));
        JsonObject btc = partial.getJsonArray("methods").getJsonObject(0);
        assertEquals("/i/inv1/BTC-CHAIN/qr.svg?size=280&v=60000", btc.getString("qr"));
        assertEquals("bitcoin:bcrt1qexample?amount=0.0006", btc.getString("paymentLink"));
        assertTrue(partial.getBoolean("payable"));
    }

    @Test
    void receiptOnProcessingWhenTheServerSaysSo() {
        CheckoutView v = CheckoutViews.view(InvoiceStatus.Processing, AdditionalStatus.None, 0, 1, "0.001", "0",
                "https://shop.example/ok");
        CheckoutMessages en = CheckoutMessages.of("en");
        assertFalse(new CheckoutStatus(v, en, false).receipt());
        CheckoutStatus early = new CheckoutStatus(v, en, true);
        assertTrue(early.receipt());
        assertEquals("https://shop.example/ok", early.json().getString("redirectUrl"));
    }

    @Test
    void countdownFormats() {
        assertEquals("00:00", CheckoutPage.countdown(0));
        assertEquals("14:59", CheckoutPage.countdown(899));
        assertEquals("1:00:05", CheckoutPage.countdown(3605));
    }

    @Test
    void notFoundPageIsFriendlyAndLocalized() {
        String html = CheckoutPage.notFound(CheckoutMessages.of("es"));
        assertTrue(html.contains("<html lang=\"es\">") && html.contains("Factura no encontrada"));
    }

    @Test
    void aHeldPaymentSaysConfirmationDelayedOnThePageAndInTheStatus() {
        CheckoutView seen = CheckoutViews.view(InvoiceStatus.Processing, AdditionalStatus.None, 2, 1, "0.001", "0", null);
        CheckoutView.Method m = seen.methods().get(0);
        CheckoutView.Method heldMethod = new CheckoutView.Method(m.id(), m.currency(), m.destination(), m.rate(), m.due(),
                m.paid(), m.remaining(), m.remainingUnits(), m.paymentLink(), m.payments(), m.confirmations(),
                m.confirmationsRequired(), m.network(), true);
        CheckoutView held = seen.withMethods(List.of(heldMethod));
        String html = render(held, "en");
        assertTrue(html.contains(">Payment received. Confirmation delayed: the network is being double-checked;"), html);
        JsonObject json = new CheckoutStatus(held, CheckoutMessages.of("de"), false).json();
        assertTrue(json.getBoolean("confirmationDelayed"));
        assertTrue(json.getString("message").startsWith("Zahlung erhalten. Bestätigung verzögert"), json.toString());
        JsonObject notHeld = new CheckoutStatus(seen, CheckoutMessages.of("en"), false).json();
        assertFalse(notHeld.getBoolean("confirmationDelayed"));
        assertTrue(notHeld.getString("message").startsWith("Payment seen, waiting for confirmations"));
    }
}
