package io.chaintill.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.CheckoutOptions;
import io.chaintill.domain.payment.Price;
import io.chaintill.domain.payment.SpeedPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BitpayIpnTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void fullNotificationsMapOurEventsToBitpaysCodesAndStatuses() {
        assertEquals(List.of(new BitpayIpn.Notice(1003, "invoice_paidInFull", "paid")),
                BitpayIpn.notices("InvoiceProcessing", "{\"overPaid\":false}"));
        assertEquals(List.of(new BitpayIpn.Notice(1005, "invoice_confirmed", "confirmed")),
                BitpayIpn.notices("InvoiceSettled", "{\"manuallyMarked\":false}"));
        assertEquals(List.of(new BitpayIpn.Notice(2008, "invoice_markedComplete", "complete")),
                BitpayIpn.notices("InvoiceSettled", "{\"manuallyMarked\":true}"));
        assertEquals(List.of(new BitpayIpn.Notice(1004, "invoice_expired", "expired")),
                BitpayIpn.notices("InvoiceExpired", "{\"partiallyPaid\":false}"));
        assertEquals(List.of(new BitpayIpn.Notice(1004, "invoice_expired", "expired"),
                        new BitpayIpn.Notice(2000, "invoice_expiredPaidPartial", "expired")),
                BitpayIpn.notices("InvoiceExpired", "{\"partiallyPaid\":true}"));
        assertEquals(List.of(new BitpayIpn.Notice(1013, "invoice_failedToConfirm", "invalid")),
                BitpayIpn.notices("InvoiceInvalid", "{\"manuallyMarked\":false}"));
        assertEquals(List.of(new BitpayIpn.Notice(1008, "invoice_markedInvalid", "invalid")),
                BitpayIpn.notices("InvoiceInvalid", "{\"manuallyMarked\":true}"));
        for (String quiet : List.of("InvoiceCreated", "InvoiceReceivedPayment", "InvoicePaymentSettled")) {
            assertEquals(List.of(), BitpayIpn.notices(quiet, "{}"), quiet);
        }
        assertEquals(List.of(new BitpayIpn.Notice(1003, "invoice_paidInFull", "paid")),
                BitpayIpn.notices("InvoiceProcessing", "not json"), "bad stored data is no lost notice");
    }

    @Test
    void theBodyIsBitpaysInvoiceObjectWithoutTheEventWrapper() {
        Invoice i = Invoice.create("inv-1", "store-1", Price.of(new BigDecimal("10.50"), "USD", "amount", "currency"),
                "USD", "{\"orderId\":\"TIP-1\",\"posData\":\"{\\\"cart\\\":1}\",\"buyerEmail\":\"b@example.com\"}",
                "TIP-1", List.of("TIP-1"), checkout(), T0, null);
        JsonObject body = parse(BitpayIpn.body(i, new BitpayIpn.Notice(1003, "invoice_paidInFull", "paid"),
                "https://pay.example/i/inv-1", T0.plusSeconds(60)));
        assertEquals("inv-1", body.getString("id"));
        assertEquals("https://pay.example/i/inv-1", body.getString("url"));
        assertEquals("paid", body.getString("status"));
        assertEquals(new BigDecimal("10.5"), body.getJsonNumber("price").bigDecimalValue().stripTrailingZeros());
        assertEquals("USD", body.getString("currency"));
        assertEquals(T0.toEpochMilli(), body.getJsonNumber("invoiceTime").longValue());
        assertEquals(T0.plusSeconds(15 * 60).toEpochMilli(), body.getJsonNumber("expirationTime").longValue());
        assertEquals(T0.plusSeconds(60).toEpochMilli(), body.getJsonNumber("currentTime").longValue());
        assertFalse(body.getBoolean("exceptionStatus"));
        assertEquals("TIP-1", body.getString("orderId"));
        assertEquals("{\"cart\":1}", body.getString("posData"));
        assertEquals("b@example.com", body.getJsonObject("buyerFields").getString("buyerEmail"));
        assertFalse(body.containsKey("event") || body.containsKey("data"), "no wrapper without extendedNotifications");
        assertFalse(body.containsKey("btcPrice"), "no bitcoin prompt, no BTC fields");
    }

    @Test
    void aTopUpInvoiceReportsPriceZeroAndTheMailNamesInvoiceStatusAndAmount() {
        Invoice i = Invoice.create("inv-2", "store-1", null, "EUR", "{}", null, null, checkout(), T0, null);
        String json = BitpayIpn.body(i, new BitpayIpn.Notice(1004, "invoice_expired", "expired"), "http://x/i/inv-2", T0);
        JsonObject body = parse(json);
        assertEquals(0, body.getJsonNumber("price").intValue());
        assertFalse(body.containsKey("orderId"));
        String text = MailSender.text(body, json);
        assertTrue(text.startsWith("Invoice: inv-2\nStatus: expired\nAmount: 0 EUR\nCheckout: http://x/i/inv-2\n"), text);
        assertTrue(text.endsWith(json + "\n"), text);
    }

    private static CheckoutOptions checkout() {
        return new CheckoutOptions(SpeedPolicy.MediumSpeed, null, null, false, "en", "BTC-CHAIN", 15, 60);
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
