package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.sun.net.httpserver.HttpServer;
import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.BitcoindRegtest;
import io.chaintill.support.EventStreamReader;
import io.chaintill.support.Browser;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The buyer's checkout page in a real Chromium against the packaged server following the session's regtest bitcoind:
 * pay, watch the same page turn to paid without a reload, follow the redirect; partial payment with a new QR; expiry;
 * JavaScript off; phone size; German and Spanish; keyboard; CSP and a clean console. Screenshots of every step go to
 * target/screenshots/CheckoutPageIT/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(TestEnvironment.SINGLE_DATABASE) // the page in a browser; GreenfieldApiIT reads the checkout status and page on both databases
class CheckoutPageIT {
    private static final String MINER = BitcoindRegtest.MINER_WALLET;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static BitcoindRegtest node;
    private static ServerProcess server;
    private static ApiClient api;
    private static String storeId;
    private static String expiringInvoiceId;
    /** The merchant's "thank you" page the checkout redirects to; records what it was asked for. */
    private static HttpServer merchant;
    private static final List<String> merchantRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        node = TestEnvironment.bitcoind();
        node.ensureSpendableCoins();
        Map<String, String> env = new HashMap<>(Map.of("CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "1000"));
        if ("h2".equals(TestEnvironment.db())) {
            env.put("CHAINTILL_DATA_DIR", Files.createTempDirectory("chaintill-checkout-").toString());
        }
        server = ServerProcess.start(env);
        api = server.api().admin().newKey("unrestricted");
        storeId = api.storeWithBitcoin("Corner Shop");
        // created first: it expires (1 minute) while the other tests run
        expiringInvoiceId = invoice("{\"amount\":\"10\",\"currency\":\"USD\",\"checkout\":{\"expirationMinutes\":1}}");
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        merchant.createContext("/", exchange -> {
            merchantRequests.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            byte[] body = "<!doctype html><html lang=en><head><title>Thanks</title><link rel=icon href=data:,></head><body><h1>Thank you for your order</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        merchant.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (merchant != null) {
            merchant.stop(0);
        }
    }

    @Test
    @Order(1)
    void buyerPaysAndTheSamePageFollowsToTheReceiptAndBackToTheShop() throws Exception {
        String merchantBase = "http://127.0.0.1:" + merchant.getAddress().getPort();
        JsonObject created = api.createInvoice(storeId, "{\"amount\":\"50\",\"currency\":\"USD\","
                + "\"metadata\":{\"orderId\":\"A 1001/x\",\"itemDesc\":\"Blue mug\",\"buyerEmail\":\"secret@buyer.example\"},"
                + "\"checkout\":{\"speedPolicy\":\"LowMediumSpeed\",\"redirectAutomatically\":true,"
                + "\"redirectURL\":\"" + merchantBase + "/done?invoice={InvoiceId}&order={OrderId}\"}}");
        String id = created.getString("id");
        try (Browser b = Browser.forTest(CheckoutPageIT.class).start()) {
            b.open(created.getString("checkoutLink"));
            assertEquals("Waiting for payment", b.find("#status").getText());
            String text = b.text();
            assertTrue(text.contains("Corner Shop") && text.contains("50 USD") && text.contains("Blue mug")
                    && text.contains("Order A 1001/x"), text);
            assertTrue(text.contains("1 BTC = 50000 USD"), text);
            assertFalse(b.driver().getPageSource().contains("secret@buyer.example"), "only orderId and itemDesc are public");
            assertEquals("0.001", b.find("#amount").getText());
            String address = b.find("#address").getText();
            String link = b.find("#wallet").getDomAttribute("href");
            assertEquals("bitcoin:" + address + "?amount=0.001", link);
            assertEquals(link, decodeQr(b), "the QR shows the payment link");
            assertTrue(b.find("#qr").getDomAttribute("alt").contains(address));
            assertTrue(b.find("#countdown").getText().matches("1[45]:\\d\\d"), b.find("#countdown").getText());
            b.screenshot("waiting-for-payment");

            b.script("window.chaintillTestMarker = 'set before paying';");
            node.send(MINER, address, new BigDecimal("0.001"));
            awaitStatus(b, "Payment seen, waiting for confirmations (0/2)");
            assertEquals("set before paying", b.script("return window.chaintillTestMarker;"), "no reload");
            assertEquals("events", b.find("#checkout").getDomAttribute("data-live"), "pushed by server-sent events");
            assertTrue(b.find("#pay").getDomProperty("hidden").equals("true"), "nothing left to pay");
            b.screenshot("payment-seen");

            node.mine(1);
            awaitStatus(b, "Payment seen, waiting for confirmations (1/2)");
            b.screenshot("one-confirmation");

            node.mine(1);
            awaitStatus(b, "Paid. Thank you!");
            assertTrue(b.find("#receipt").isDisplayed());
            assertTrue(b.find("#receipt").getText().contains("0.001 BTC"), b.find("#receipt").getText());
            String expected = merchantBase + "/done?invoice=" + id + "&order=A%201001%2Fx";
            assertEquals(expected, b.find("#return").getDomAttribute("href"));
            assertEquals("set before paying", b.script("return window.chaintillTestMarker;"), "no reload");
            b.screenshot("paid-receipt");

            b.await(Duration.ofSeconds(10), d -> d.getCurrentUrl().startsWith(merchantBase));
            assertEquals(expected, b.url());
            assertTrue(merchantRequests.contains("/done?invoice=" + id + "&order=A%201001%2Fx"), merchantRequests.toString());
            b.screenshot("redirected-to-merchant");
            assertEquals(List.of(), b.consoleErrors());
        }
        assertEquals("Settled", api.get("/api/v1/stores/" + storeId + "/invoices/" + id).expect(200).object().getString("status"));
    }

    @Test
    @Order(2)
    void partialPaymentShowsWhatIsLeftWithANewQr() throws Exception {
        String id = invoice("{\"amount\":\"100\",\"currency\":\"USD\"}");
        try (Browser b = Browser.forTest(CheckoutPageIT.class).start()) {
            b.open(server.baseUrl() + "/i/" + id);
            String address = b.find("#address").getText();
            String firstSrc = b.find("#qr").getDomAttribute("src");
            assertEquals("bitcoin:" + address + "?amount=0.002", decodeQr(b));
            node.send(MINER, address, new BigDecimal("0.0015"));
            awaitStatus(b, "Partial payment received. Still due: 0.0005 BTC");
            b.await(WAIT, d -> !firstSrc.equals(b.find("#qr").getDomAttribute("src")));
            assertEquals("0.0005", b.find("#amount").getText());
            b.await(WAIT, d -> ("bitcoin:" + address + "?amount=0.0005").equals(decodeQrQuietly(b)));
            assertEquals("bitcoin:" + address + "?amount=0.0005", b.find("#wallet").getDomAttribute("href"));
            b.screenshot("partial-payment-new-qr");
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    @Order(3)
    void phoneScreenAndKeyboardOnly() {
        String id = invoice("{\"amount\":\"20\",\"currency\":\"USD\",\"metadata\":{\"orderId\":\"P-7\"}}");
        try (Browser b = Browser.forTest(CheckoutPageIT.class).phone().start()) {
            b.open(server.baseUrl() + "/i/" + id);
            // the emulated phone settles its viewport after the first layout (seen: 392 px for a moment under load)
            b.await(Duration.ofSeconds(5), d -> Long.valueOf(360).equals(b.script("return window.innerWidth;")));
            assertTrue((Long) b.script("return document.documentElement.scrollWidth;") <= 360, "no sideways scrolling");
            b.screenshot("phone-360");

            List<String> reached = new ArrayList<>();
            WebElement copyAddress = null;
            for (int i = 0; i < 15; i++) {
                WebElement focused = b.tab(false);
                String what = focused.getTagName() + ":" + focused.getText();
                reached.add(what);
                if ("copy-address".equals(role(focused))) {
                    copyAddress = focused;
                    assertEquals("solid", b.script("return getComputedStyle(document.activeElement).outlineStyle;"),
                            "visible focus");
                    b.screenshot("keyboard-focus-copy-address");
                    break;
                }
            }
            assertTrue(reached.contains("a:BTC"), "the payment method tab is reachable: " + reached);
            assertTrue(reached.contains("button:Copy amount"), "copy amount is reachable: " + reached);
            assertTrue(copyAddress != null, "copy address is reachable: " + reached);
            b.press(Keys.ENTER);
            b.await(Duration.ofSeconds(5), d -> !b.find("#copy-feedback").getText().isEmpty());
            assertEquals("polite", b.find("#copy-feedback").getDomAttribute("aria-live"));
            assertEquals("polite", b.find("#status").getDomAttribute("aria-live"));
            b.screenshot("keyboard-copied");
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    @Order(4)
    void germanBySpanishAndEnglishByDefault() {
        String id = invoice("{\"amount\":\"20\",\"currency\":\"USD\"}");
        try (Browser b = Browser.forTest(CheckoutPageIT.class).start()) {
            b.open(server.baseUrl() + "/i/" + id + "?lang=de");
            assertEquals("de", b.find("html").getDomAttribute("lang"));
            assertEquals("Warte auf Zahlung", b.find("#status").getText());
            assertTrue(b.text().contains("Adresse kopieren"), b.text());
            b.screenshot("lang-de");
        }
        try (Browser b = Browser.forTest(CheckoutPageIT.class).language("es").start()) {
            b.open(server.baseUrl() + "/i/" + id);
            assertEquals("es", b.find("html").getDomAttribute("lang"));
            assertEquals("Esperando el pago", b.find("#status").getText());
            b.screenshot("accept-language-es");
            b.open(server.baseUrl() + "/i/" + id + "?lang=en");
            assertEquals("Waiting for payment", b.find("#status").getText());
        }
    }

    @Test
    @Order(5)
    void withoutJavaScriptThePageIsCompleteAndRefreshesItself() throws Exception {
        String id = invoice("{\"amount\":\"25\",\"currency\":\"USD\"}");
        try (Browser b = Browser.forTest(CheckoutPageIT.class).javascript(false).start()) {
            b.open(server.baseUrl() + "/i/" + id);
            assertEquals("Waiting for payment", b.find("#status").getText());
            assertEquals("0.0005", b.find("#amount").getText());
            String address = b.find("#address").getText();
            assertTrue(address.startsWith("bcrt1"), address);
            assertEquals("bitcoin:" + address + "?amount=0.0005", decodeQr(b));
            assertFalse(b.find("button.copy").isDisplayed(), "copy buttons need the script");
            assertTrue(b.driver().getPageSource().contains("<noscript><meta http-equiv=\"refresh\" content=\"15\"></noscript>"));
            b.screenshot("javascript-off");
        }
    }

    @Test
    @Order(6)
    void securityHeadersEventStreamAndTheFriendlyNotFoundPage() throws IOException {
        ApiClient anon = api.anonymous();
        String id = invoice("{\"amount\":\"5\",\"currency\":\"USD\"}");
        for (String path : List.of("/i/" + id, "/checkout/" + id + "/status", "/i/no-such-invoice")) {
            ApiResponse r = anon.get(path);
            assertEquals(CheckoutHeaders.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), path);
        }
        assertFalse(anon.get("/i/" + id).body().contains("<script>"), "no inline script");
        assertFalse(anon.get("/i/" + id).body().contains("style="), "no inline style");
        JsonObject status = anon.get("/checkout/" + id + "/status").expect(200).object();
        assertEquals("waiting", status.getString("state"));
        String[] stream = firstEvent(server.baseUrl() + "/checkout/" + id + "/events?lang=de");
        assertEquals("text/event-stream", stream[0].split(";")[0]);
        assertEquals(CheckoutHeaders.CSP, stream[1]);
        assertTrue(stream[2].startsWith("event: status\n"), stream[2]);
        assertTrue(stream[2].contains("\"message\":\"Warte auf Zahlung\""), stream[2]);
        assertEquals(404, anon.get("/checkout/nope/status").status());
        ApiResponse missing = anon.get("/i/%3Cscript%3E");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("Invoice not found") && !missing.body().contains("<script>"), missing.body());
        try (Browser b = Browser.forTest(CheckoutPageIT.class).start()) {
            String url = server.baseUrl() + "/i/no-such-invoice";
            b.open(url);
            assertEquals("Invoice not found", b.find("h1").getText());
            b.screenshot("unknown-invoice");
            // the browser reports the page's own 404 status; nothing else may fail
            assertEquals(List.of(), b.consoleErrors().stream().filter(m -> !m.startsWith(url + " - Failed to load resource")).toList());
        }
    }

    @Test
    @Order(7)
    void expiredInvoiceSaysSoAndALatePaymentIsAcknowledged() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!"Expired".equals(api.get("/api/v1/stores/" + storeId + "/invoices/" + expiringInvoiceId).expect(200)
                .object().getString("status"))) {
            assertTrue(System.nanoTime() < deadline, "the one-minute invoice never expired");
            sleep(500);
        }
        try (Browser b = Browser.forTest(CheckoutPageIT.class).start()) {
            b.open(server.baseUrl() + "/i/" + expiringInvoiceId);
            assertEquals("This invoice has expired. Please do not send a payment to it.", b.find("#status").getText());
            assertFalse(b.find("#pay").isDisplayed(), "no QR or address for an expired invoice");
            b.screenshot("expired");
            assertEquals(List.of(), b.consoleErrors());

            // the buyer pays anyway, from an address copied earlier, and comes back to the page
            JsonObject prompt = api.get("/api/v1/stores/" + storeId + "/invoices/" + expiringInvoiceId + "/payment-methods")
                    .expect(200).array().getJsonObject(0);
            node.send(MINER, prompt.getString("destination"), new BigDecimal(prompt.getString("amount")));
            b.await(WAIT, d -> {
                d.navigate().refresh();
                return b.find("#status").getText().startsWith("Paid after the invoice expired, waiting for confirmations");
            });
            assertEquals("paidLateSeen", b.find("#checkout").getDomAttribute("data-state"));
            b.screenshot("paid-late");
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    @Order(8)
    void aStatusChangeReachesAnOpenStreamWithoutWaitingForAPoll() throws InterruptedException {
        // three rounds: a one-second poll would land within 300 ms of each change about a third of the time
        for (int round = 0; round < 3; round++) {
            String id = invoice("{\"amount\":\"5\",\"currency\":\"USD\"}");
            long opened = System.nanoTime();
            try (EventStreamReader stream = EventStreamReader.open(server.baseUrl() + "/checkout/" + id + "/events")) {
                EventStreamReader.Event first = stream.next(Duration.ofSeconds(10));
                assertTrue(first != null && first.text().contains("\"status\":\"New\""), "first status at once: " + first);
                long firstMs = (first.arrivedNanos() - opened) / 1_000_000;
                assertTrue(firstMs < 2000, "the first status took " + firstMs + " ms");
                long changed = System.nanoTime();
                api.post("/api/v1/stores/" + storeId + "/invoices/" + id + "/status", "{\"status\":\"Invalid\"}").expect(200);
                EventStreamReader.Event next = stream.next(Duration.ofSeconds(10));
                assertTrue(next != null && next.text().contains("\"status\":\"Invalid\""), "pushed: " + next);
                long ms = (next.arrivedNanos() - changed) / 1_000_000;
                assertTrue(ms < 300, "round " + round + ": the change reached the stream after " + ms + " ms");
            }
        }
    }

    /** {content type, CSP header, first event block} of an event stream, read over plain HTTP. */
    private static String[] firstEvent(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("Accept", "text/event-stream");
        c.setReadTimeout(10_000);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder event = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty() && event.indexOf("data:") >= 0) {
                    break;
                }
                event.append(line).append('\n');
            }
            return new String[] {c.getContentType(), c.getHeaderField("Content-Security-Policy"), event.toString()};
        } finally {
            c.disconnect();
        }
    }

    private static String invoice(String json) {
        return api.createInvoice(storeId, json).getString("id");
    }

    private static String role(WebElement e) {
        return "button".equals(e.getTagName()) ? "copy-" + e.getDomAttribute("data-copy") : e.getTagName();
    }

    private void awaitStatus(Browser b, String text) {
        b.await(WAIT, d -> text.equals(b.find("#status").getText()));
    }

    /** Reads the QR the way a phone would: from the pixels the browser drew. */
    private static String decodeQr(Browser b) throws IOException, NotFoundException {
        byte[] png = b.find("#qr").getScreenshotAs(OutputType.BYTES);
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }

    private static String decodeQrQuietly(Browser b) {
        try {
            return decodeQr(b);
        } catch (IOException | NotFoundException e) {
            return null;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
