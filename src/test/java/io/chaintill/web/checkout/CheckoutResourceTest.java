package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chaintill.application.CheckoutView;
import io.chaintill.domain.invoice.AdditionalStatus;
import io.chaintill.domain.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckoutResourceTest {
    private static final CheckoutView.Method ETH = new CheckoutView.Method("ETH-CHAIN", "ETH", "0xabc",
            new BigDecimal("2500"), "0.02", "0", "0.02", "20000000000000000", "ethereum:0xabc?value=2e16", 0, 0, 6);

    private static CheckoutView twoMethods(String defaultMethod) {
        CheckoutView one = CheckoutViews.view(InvoiceStatus.New, AdditionalStatus.None, 0, 0);
        return new CheckoutView(one.invoiceId(), one.storeName(), one.orderId(), one.itemDesc(), one.amount(),
                one.currency(), one.status(), one.additionalStatus(), one.expiresAt(), null, defaultMethod, null, false,
                List.of(one.methods().get(0), ETH), List.of());
    }

    @Test
    void methodQuerySelectsTheTabElseTheDefaultElseTheFirst() {
        assertEquals("ETH-CHAIN", CheckoutResource.selected(twoMethods(null), "ETH-CHAIN").id());
        assertEquals("ETH-CHAIN", CheckoutResource.selected(twoMethods("ETH-CHAIN"), null).id());
        assertEquals("BTC-CHAIN", CheckoutResource.selected(twoMethods(null), null).id());
        assertEquals("BTC-CHAIN", CheckoutResource.selected(twoMethods(null), "<nonsense>").id());
    }

    @Test
    void everyMethodGetsATabLinkKeepingTheLanguage() {
        CheckoutView v = twoMethods(null);
        CheckoutMessages es = CheckoutMessages.of("es");
        String html = CheckoutPage.render(v, new CheckoutStatus(v, es, false), es, ETH, CheckoutViews.NOW);
        assertEquals(true, html.contains("<a class=\"tab\" href=\"/i/inv1?lang=es&amp;method=BTC-CHAIN\">BTC</a>"));
        assertEquals(true, html.contains("<a class=\"tab\" href=\"/i/inv1?lang=es&amp;method=ETH-CHAIN\" aria-current=\"page\">ETH</a>"));
        assertEquals(true, html.contains("src=\"/i/inv1/ETH-CHAIN/qr.svg?size=280&amp;v=20000000000000000\""));
    }
}
