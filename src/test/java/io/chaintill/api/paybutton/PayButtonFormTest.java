package io.chaintill.api.paybutton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.application.InvoiceRequest;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.rates.MutableClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** BTCPay's pay-button form fields, as a plain form and as FormData send them, and the per-client limit. */
class PayButtonFormTest {
    private static String field(Map<String, String> form) {
        return assertThrows(InvalidInputException.class, () -> PayButtonForm.of(form)).field();
    }

    @Test
    void btcpaysFixedPriceSnippetBecomesAnInvoiceRequest() {
        Map<String, String> f = FormBody.parse("application/x-www-form-urlencoded",
                ("storeId=St0re-1&price=10.50&currency=USD&checkoutDesc=Coffee+%26+cake&orderId=A%201&serverIpn="
                        + "https%3A%2F%2Fshop.example%2Fipn&browserRedirect=https%3A%2F%2Fshop.example%2Fthanks"
                        + "&notifyEmail=me%40shop.example&checkoutQueryString=lang%3Dde&submit=").getBytes(StandardCharsets.UTF_8));
        PayButtonForm form = PayButtonForm.of(f);
        InvoiceRequest r = form.invoiceRequest();
        assertEquals(new BigDecimal("10.50"), r.amount());
        assertEquals("USD", r.currency());
        assertEquals("{\"orderId\":\"A 1\",\"itemDesc\":\"Coffee & cake\"}", r.metadataJson());
        assertEquals("A 1", r.orderId());
        assertEquals("https://shop.example/thanks", r.redirectUrl());
        assertFalse(form.jsonResponse());
        assertEquals("https://c.example/i/x?lang=de", form.checkoutUrl("https://c.example/i/x"));
        assertEquals("https://shop.example/ipn", form.serverIpn());
        assertEquals("me@shop.example", form.notifyEmail());
    }

    @Test
    void fieldNamesMatchWhateverTheirCaseAsInBtcpaysModelBinding() {
        PayButtonForm form = PayButtonForm.of(FormBody.parse("application/x-www-form-urlencoded",
                "StoreId=S1&PRICE=3&Currency=EUR&ServerIpn=http%3A%2F%2Fh%2Fipn&JsonResponse=True&storeid=ignored"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("S1", form.storeId(), "the first of repeated names wins, whatever the case");
        assertEquals(new BigDecimal("3"), form.price());
        assertEquals("EUR", form.currency());
        assertEquals("http://h/ipn", form.serverIpn());
        assertTrue(form.jsonResponse());
        assertEquals(null, form.notifyEmail());
    }

    @Test
    void formDataFromBtcpaysModalSnippetIsReadToo() {
        String body = "------b\r\nContent-Disposition: form-data; name=\"storeId\"\r\n\r\nS1\r\n"
                + "------b\r\nContent-Disposition: form-data; name=\"jsonResponse\"\r\n\r\ntrue\r\n"
                + "------b\r\nContent-Disposition: form-data; name=\"price\"\r\n\r\n5\r\n"
                + "------b\r\nContent-Disposition: form-data; name=\"checkoutDesc\"\r\n\r\nTé ☕\r\n------b--\r\n";
        Map<String, String> f = FormBody.parse("multipart/form-data; boundary=----b", body.getBytes(StandardCharsets.UTF_8));
        PayButtonForm form = PayButtonForm.of(f);
        assertTrue(form.jsonResponse());
        assertEquals("S1", form.storeId());
        assertEquals("Té ☕", form.checkoutDesc());
    }

    @Test
    void noPriceIsATopUpAndTheFirstOfRepeatedFieldsWins() {
        Map<String, String> f = FormBody.urlEncoded("storeId=S&price=&price=7");
        assertNull(PayButtonForm.of(f).price(), "an empty first price field: the buyer chooses (top-up)");
        assertEquals(new BigDecimal("7"), PayButtonForm.of(FormBody.urlEncoded("storeId=S&price=7&price=8")).price());
    }

    @Test
    void badFieldsAreNamed() {
        assertEquals("storeId", field(Map.of("price", "1")));
        assertEquals("storeId", field(Map.of("storeId", "x".repeat(65))));
        assertEquals("price", field(Map.of("storeId", "S", "price", "0")));
        assertEquals("price", field(Map.of("storeId", "S", "price", "-1")));
        assertEquals("price", field(Map.of("storeId", "S", "price", "1e9")));
        assertEquals("currency", field(Map.of("storeId", "S", "currency", "DOLLARS-AND-CENTS")));
        assertEquals("checkoutDesc", field(Map.of("storeId", "S", "checkoutDesc", "d".repeat(501))));
        assertEquals("orderId", field(Map.of("storeId", "S", "orderId", "o".repeat(101))));
        assertEquals("serverIpn", field(Map.of("storeId", "S", "serverIpn", "ftp://x.example/")));
        assertEquals("browserRedirect", field(Map.of("storeId", "S", "browserRedirect", "javascript:alert(1)")));
        assertEquals("notifyEmail", field(Map.of("storeId", "S", "notifyEmail", "not-an-address")));
        assertEquals("jsonResponse", field(Map.of("storeId", "S", "jsonResponse", "maybe")));
        assertEquals("price", PayButtonForm.formField("amount"));
        assertEquals("browserRedirect", PayButtonForm.formField("checkout.redirectURL"));
    }

    @Test
    void bodiesAreBounded() {
        assertEquals("body", assertThrows(InvalidInputException.class,
                () -> FormBody.urlEncoded("a=1&".repeat(FormBody.MAX_FIELDS + 1))).field());
        assertEquals("orderId", assertThrows(InvalidInputException.class,
                () -> FormBody.urlEncoded("orderId=" + "x".repeat(FormBody.MAX_VALUE + 1))).field());
        assertEquals("body", assertThrows(InvalidInputException.class, () -> FormBody.urlEncoded("price=%zz")).field());
        assertEquals("Content-Type", assertThrows(InvalidInputException.class,
                () -> FormBody.parse("application/json", "{}".getBytes(StandardCharsets.UTF_8))).field());
    }

    @Test
    void checkoutQueryStringCannotBreakOutOfTheQuery() {
        PayButtonForm f = PayButtonForm.of(Map.of("storeId", "S", "checkoutQueryString", "?lang=de&x=a b#frag"));
        assertEquals("/i/x?lang=de&x=a+b%23frag", f.checkoutUrl("/i/x"));
    }

    @Test
    void limiterAllowsABurstThenTheRateAndForgetsTheLeastRecentClients() {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        ClientRateLimiter l = new ClientRateLimiter(60, 3, 2, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), l.acquire("a"));
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), l.acquire("a"));
        assertEquals(Optional.empty(), l.acquire("b"), "another client is not affected");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), l.acquire("a"), "one a second comes back");
        assertTrue(l.acquire("a").isPresent());
        l.acquire("c");
        assertEquals(2, l.trackedClients(), "memory is bounded");
    }
}
