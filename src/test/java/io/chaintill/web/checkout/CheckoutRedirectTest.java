package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CheckoutRedirectTest {
    @Test
    void placeholdersAreFilledUrlEncoded() {
        assertEquals("https://shop.example/thanks?id=inv1&order=A%201001%2Fx%26y%3D1",
                CheckoutRedirect.fill("https://shop.example/thanks?id={InvoiceId}&order={OrderId}", "inv1", "A 1001/x&y=1"));
    }

    @Test
    void missingOrderIdBecomesEmpty() {
        assertEquals("https://shop.example/o/inv1/", CheckoutRedirect.fill("https://shop.example/o/{InvoiceId}/{OrderId}", "inv1", null));
    }

    @Test
    void onlyHttpLinksAreEverGiven() {
        assertNull(CheckoutRedirect.fill(null, "inv1", null));
        assertNull(CheckoutRedirect.fill(" ", "inv1", null));
        assertNull(CheckoutRedirect.fill("javascript:alert(1)", "inv1", null));
        assertNull(CheckoutRedirect.fill("http://bad host/", "inv1", null));
        assertEquals("HTTP://shop.example/", CheckoutRedirect.fill("HTTP://shop.example/", "inv1", null));
    }
}
