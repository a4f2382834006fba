package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.BitcoindRegtest;
import io.chaintill.support.Browser;
import io.chaintill.support.DashboardLogin;
import io.chaintill.support.RandomAccountKey;
import io.chaintill.support.ServerProcess;
import io.chaintill.support.TestEnvironment;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a shop puts on its own pages, served from another origin (a JDK HTTP server on 127.0.0.1) in a real
 * Chromium: BTCPay's modal (/modal/btcpay.js, showInvoice, the messages of the frame) with a payment on regtest, and
 * BTCPay's own pay-button snippets posting to the public POST /api/v1/invoices; its errors, the store switch and the
 * per-client limit. Runs on both databases: the store switch is the V8 column. Screenshots:
 * target/screenshots/ShopPagesIT/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopPagesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int BURST = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static BitcoindRegtest node;
    private static ServerProcess server;
    private static ApiClient api;
    private static String storeId;
    private static ShopSite shop;
    private static ShopNotifications notifications;

    @BeforeAll
    static void start() throws IOException {
        node = TestEnvironment.bitcoind();
        node.ensureSpendableCoins();
        Map<String, String> env = new HashMap<>(Map.of("CHAINTILL_JOBS_CHAIN_INTERVAL_MS", "1000",
                "CHAINTILL_PAYBUTTON_BURST", String.valueOf(BURST), "CHAINTILL_PAYBUTTON_REQUESTS_PER_MINUTE", "6"));
        notifications = new ShopNotifications();
        env.putAll(notifications.serverEnv());
        if ("h2".equals(TestEnvironment.db())) {
            env.put("CHAINTILL_DATA_DIR", Files.createTempDirectory("chaintill-shop-pages-").toString());
        }
        server = ServerProcess.start(env);
        api = server.api().admin().newKey("unrestricted");
        storeId = api.post("/api/v1/stores", "{\"name\":\"Tip Jar\",\"defaultCurrency\":\"USD\"}").expect(200).object()
                .getString("id");
        api.put("/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN",
                "{\"enabled\":true,\"config\":\"" + RandomAccountKey.tpub() + "\"}").expect(200);
        shop = new ShopSite();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (shop != null) {
            shop.close();
        }
        if (notifications != null) {
            notifications.close();
        }
    }

    @Test
    @Order(1)
    void theModalShowsTheInvoiceOnTheShopsPageAndTellsItWhenPaidAndClosed() throws Exception {
        JsonObject created = api.createInvoice(storeId, "{\"amount\":\"25\",\"currency\":\"USD\",\"metadata\":{\"orderId\":\"M-1\"}}");
        String id = created.getString("id");
        shop.put("/checkout.html", "<!doctype html><html lang=en><head><meta charset=utf-8><title>Shop</title>"
                + "<link rel=icon href=data:,><script src=\"" + server.baseUrl() + "/modal/btcpay.js\"></script></head>"
                + "<body><h1>Your order</h1><script>window.received = []; window.entered = 0; window.left = 0;"
                + "btcpay.onModalWillEnter(function () { window.entered++; });"
                + "btcpay.onModalWillLeave(function () { window.left++; });"
                + "btcpay.onModalReceiveMessage(function (e) {"
                + "  window.received.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)); });"
                + "</script></body></html>");
        try (Browser b = Browser.forTest(ShopPagesIT.class).start()) {
            b.open(shopUrl("/checkout.html"));
            b.script("btcpay.showInvoice(arguments[0]);", id);
            b.await(WAIT, d -> received(b).contains("loaded"));
            assertEquals(1L, b.script("return window.entered;"));
            assertEquals(server.baseUrl() + "/invoice?id=" + id + "&view=modal",
                    b.script("return document.getElementsByName('btcpay')[0].src;"));
            b.driver().switchTo().frame("btcpay");
            assertEquals("Waiting for payment", b.find("#status").getText());
            assertTrue(b.text().contains("25 USD") && b.text().contains("Order M-1"), b.text());
            String address = b.find("#address").getText();
            String amount = b.find("#amount").getText();
            assertTrue(b.find("#close").isDisplayed());
            b.driver().switchTo().defaultContent();
            b.screenshot("modal-on-the-shop-page");

            node.send(BitcoindRegtest.MINER_WALLET, address, new BigDecimal(amount));
            String paid = "{\"invoiceId\":\"" + id + "\",\"status\":\"paid\"}";
            b.await(WAIT, d -> received(b).contains(paid));
            node.mine(1);
            String complete = "{\"invoiceId\":\"" + id + "\",\"status\":\"complete\"}";
            b.await(WAIT, d -> received(b).contains(complete));
            b.driver().switchTo().frame("btcpay");
            b.await(WAIT, d -> b.find("#receipt").isDisplayed());
            b.find("#close").click();
            b.driver().switchTo().defaultContent();
            b.await(WAIT, d -> Long.valueOf(1).equals(b.script("return window.left;")));
            assertEquals(0L, b.script("return document.getElementsByName('btcpay').length;"), "the frame is gone");
            assertEquals(List.of("loaded", paid, complete, "close"), received(b));
            b.screenshot("modal-closed");
            assertEquals(List.of(), b.consoleErrors(), "no CSP violation in the frame or on the shop's page");
        }
        assertEquals("Settled", api.get("/api/v1/stores/" + storeId + "/invoices/" + id).expect(200).object().getString("status"));
    }

    @Test
    @Order(2)
    void onlyTheModalViewMayBeFramed() throws Exception {
        String id = api.createInvoice(storeId, "{\"amount\":\"1\",\"currency\":\"USD\"}").getString("id");
        HttpResponse<String> modal = get("/invoice?id=" + id + "&view=modal");
        assertEquals(200, modal.statusCode());
        String csp = modal.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.endsWith("frame-ancestors *") && csp.contains("script-src 'self'"), csp);
        assertTrue(modal.headers().firstValue("X-Frame-Options").isEmpty());
        HttpResponse<String> page = get("/i/" + id);
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().endsWith("frame-ancestors 'none'"));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        HttpResponse<String> legacy = get("/invoice?id=" + id);
        assertEquals(302, legacy.statusCode());
        assertEquals(server.baseUrl() + "/i/" + id, legacy.headers().firstValue("Location").orElseThrow());
        assertEquals(404, get("/invoice?id=%3Cscript%3E&view=modal").statusCode());
        HttpResponse<String> script = get("/modal/btcpay.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(script.body().contains("onModalReceiveMessage"));
    }

    @Test
    @Order(3)
    void aStoreWithPayButtonsOffRefusesThemUntilTheMerchantSwitchesThemOn() throws Exception {
        assertFalse(api.get("/api/v1/stores/" + storeId).expect(200).object().getBoolean("anyoneCanCreateInvoice"));
        HttpResponse<String> off = postForm("storeId=" + storeId + "&price=1&currency=USD&jsonResponse=true");
        assertEquals(403, off.statusCode());
        assertTrue(off.body().contains("\"code\":\"pay-buttons-disabled\""), off.body());
        JsonObject on = api.put("/api/v1/stores/" + storeId, "{\"anyoneCanCreateInvoice\":true}").expect(200).object();
        assertTrue(on.getBoolean("anyoneCanCreateInvoice"));
        assertEquals("Tip Jar", on.getString("name"), "the other settings are kept");
        assertTrue(api.get("/api/v1/stores/" + storeId).expect(200).object().getBoolean("anyoneCanCreateInvoice"));
    }

    @Test
    @Order(4)
    void btcpaysFixedPriceSnippetOnAnotherSiteSendsTheBuyerToANewInvoiceThatNotifiesTheShopWhenPaid() throws Exception {
        // BTCPay's generated markup, unchanged but for the server URL and store id
        shop.put("/tip.html", ShopSite.page("Tips",
                "<form method=\"POST\" action=\"" + server.baseUrl() + "/api/v1/invoices\" class=\"btcpay-form btcpay-form--block\">\n"
                + "  <input type=\"hidden\" name=\"storeId\" value=\"" + storeId + "\" />\n"
                + "  <input type=\"hidden\" name=\"price\" value=\"10\" />\n"
                + "  <input type=\"hidden\" name=\"currency\" value=\"USD\" />\n"
                + "  <input type=\"hidden\" name=\"checkoutDesc\" value=\"Coffee tip\" />\n"
                + "  <input type=\"hidden\" name=\"orderId\" value=\"TIP-1\" />\n"
                + "  <input type=\"hidden\" name=\"serverIpn\" value=\"" + notifications.ipnUrl() + "\" />\n"
                + "  <input type=\"hidden\" name=\"notifyEmail\" value=\"" + ShopNotifications.MAILBOX + "\" />\n"
                + "  <input type=\"hidden\" name=\"browserRedirect\" value=\"" + shopUrl("/thanks") + "\" />\n"
                + "  <input type=\"hidden\" name=\"checkoutQueryString\" value=\"lang=de\" />\n"
                + "  <button type=\"submit\" class=\"submit\" name=\"submit\" style=\"min-width:209px;min-height:57px;"
                + "border-radius:4px;border-style:none;background-color:#0f3b21;cursor:pointer;\" title=\"Pay with BTCPay Server, "
                + "a Self-Hosted Bitcoin Payment Processor\"><span style=\"color:#fff\">Pay with</span>\n"
                + "  <img src=\"data:,\" style=\"height:57px;display:inline-block;padding:5% 0 5% 5px;vertical-align:middle;\">\n"
                + "</button></form>"));
        try (Browser b = Browser.forTest(ShopPagesIT.class).start()) {
            b.open(shopUrl("/tip.html"));
            b.find("button.submit").click();
            b.await(WAIT, d -> d.getCurrentUrl().startsWith(server.baseUrl() + "/i/"));
            String id = b.url().substring((server.baseUrl() + "/i/").length()).replaceFirst("\\?.*", "");
            assertTrue(b.url().endsWith("?lang=de"), b.url());
            assertEquals("Warte auf Zahlung", b.find("#status").getText());
            assertTrue(b.text().contains("10 USD") && b.text().contains("Coffee tip"), b.text());
            b.screenshot("pay-button-landed-on-checkout");
            JsonObject invoice = api.get("/api/v1/stores/" + storeId + "/invoices/" + id).expect(200).object();
            assertEquals("10", invoice.getString("amount"));
            assertEquals("TIP-1", invoice.getJsonObject("metadata").getString("orderId"));
            assertEquals(shopUrl("/thanks"), invoice.getJsonObject("checkout").getString("redirectURL"));

            // paid on regtest: BitPay's IPN reaches serverIpn (unsigned, no event wrapper) and notifyEmail gets a mail
            node.send(BitcoindRegtest.MINER_WALLET, b.find("#address").getText(), new BigDecimal(b.find("#amount").getText()));
            assertEquals("paid", notifications.ipn(1, id, WAIT).getString("status"));
            node.mine(1);
            JsonObject confirmed = notifications.ipn(2, id, WAIT);
            assertEquals("confirmed", confirmed.getString("status"));
            assertEquals(10, confirmed.getJsonNumber("price").intValue());
            assertEquals("USD", confirmed.getString("currency"));
            assertEquals("TIP-1", confirmed.getString("orderId"));
            assertEquals(server.baseUrl() + "/i/" + id, confirmed.getString("url"));
            MimeMessage mail = notifications.mail(1, WAIT);
            assertEquals("Invoice " + id + " is paid", mail.getSubject());
            assertTrue(GreenMailUtil.getBody(mail).contains("Amount: 10 USD"), GreenMailUtil.getBody(mail));
            assertEquals("Invoice " + id + " is confirmed", notifications.mail(2, WAIT).getSubject());

            // the buyer goes back to browserRedirect from the paid checkout page
            shop.put("/thanks", ShopSite.page("Thanks", "<h1>Thank you</h1>"));
            b.await(WAIT, d -> b.find("#return").isDisplayed());
            b.find("#return").click();
            b.await(WAIT, d -> d.getCurrentUrl().equals(shopUrl("/thanks")));
            assertEquals("Thank you", b.find("h1").getText());

            // plugins/pay-button/snippet.html, with the server and store put in as its README says
            shop.put("/plugin.html", ShopSite.page("Plugin", Files.readString(Path.of("plugins/pay-button/snippet.html"))
                    .replace("https://chaintill.example", server.baseUrl()).replace("YOUR_STORE_ID", storeId)));
            b.open(shopUrl("/plugin.html"));
            b.find("button.submit").click();
            b.await(WAIT, d -> d.getCurrentUrl().startsWith(server.baseUrl() + "/i/"));
            assertTrue(b.text().contains("10 USD") && b.text().contains("Tip"), b.text());
        }
    }

    @Test
    @Order(5)
    void btcpaysCustomAmountSnippetWithModalOpensTheFrameOnTheShopsPage() {
        // BTCPay's "custom amount" + "use modal" markup: its script posts the form as FormData with jsonResponse
        shop.put("/donate.html", ShopSite.page("Donate",
                "<script>if (!window.btcpay) { var script = document.createElement('script');"
                + " script.src = \"" + server.baseUrl() + "/modal/btcpay.js\"; document.getElementsByTagName('head')[0].append(script); }"
                + " function handleFormSubmit(event) { event.preventDefault(); var xhttp = new XMLHttpRequest();"
                + " xhttp.onreadystatechange = function() { if (this.readyState == 4 && this.status == 200 && this.responseText) {"
                + " window.btcpay.appendInvoiceFrame(JSON.parse(this.responseText).invoiceId); } };"
                + " xhttp.open('POST', event.target.getAttribute('action'), true); xhttp.send(new FormData(event.target)); }"
                + "</script>"
                + "<form method=\"POST\" action=\"" + server.baseUrl() + "/api/v1/invoices\" class=\"btcpay-form btcpay-form--block\">\n"
                + "  <input type=\"hidden\" name=\"storeId\" value=\"" + storeId + "\" />\n"
                + "  <input type=\"hidden\" name=\"jsonResponse\" value=\"true\" />\n"
                + "  <div class=\"btcpay-custom-container\"><div class=\"btcpay-custom\">\n"
                + "    <button class=\"plus-minus\" data-type=\"-\" data-step=\"1\" data-min=\"1\" data-max=\"20\">-</button>\n"
                + "    <input class=\"btcpay-input-price\" type=\"number\" name=\"price\" min=\"1\" max=\"20\" step=\"1\" value=\"10\" "
                + "data-price=\"10\" style=\"width:3em;\" />\n"
                + "    <button class=\"plus-minus\" data-type=\"+\" data-step=\"1\" data-min=\"1\" data-max=\"20\">+</button>\n"
                + "  </div><select name=\"currency\"><option value=\"USD\" selected>USD</option><option value=\"EUR\">EUR</option>"
                + "</select></div>\n"
                + "  <button type=\"submit\" class=\"submit\" name=\"submit\">Donate</button></form>"
                + "<script>document.querySelectorAll('.btcpay-form').forEach(function (el) {"
                + " el.addEventListener('submit', handleFormSubmit); });</script>"));
        try (Browser b = Browser.forTest(ShopPagesIT.class).start()) {
            b.open(shopUrl("/donate.html"));
            b.find(".btcpay-input-price").clear();
            b.find(".btcpay-input-price").sendKeys("7");
            b.find("button.submit").click();
            b.await(WAIT, d -> Boolean.TRUE.equals(b.script("var f = document.getElementsByName('btcpay')[0];"
                    + " return !!f && f.style.display === 'block';")));
            assertEquals(shopUrl("/donate.html"), b.url(), "the buyer stays on the shop's page");
            b.driver().switchTo().frame("btcpay");
            b.await(WAIT, d -> b.find("#price").getText().equals("7 USD"));
            b.driver().switchTo().defaultContent();
            b.screenshot("custom-amount-in-the-modal");
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    @Order(6)
    void theDashboardsSliderSnippetWorksOnTheShopsSite() {
        try (Browser b = Browser.forTest(ShopPagesIT.class).start()) {
            b.open(server.baseUrl() + "/dashboard/login");
            DashboardLogin.submit(b, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD, WAIT);
            // a hash change while the dashboard is still starting renders the view twice (app.js): let it start
            b.await(WAIT, d -> !b.findAll("#main h1").isEmpty());
            b.open(server.baseUrl() + "/dashboard#/stores/" + storeId + "/pay-button");
            b.await(WAIT, d -> !b.findAll("#pay-button-code").isEmpty());
            assertEquals(1, b.findAll("#pay-button-generator").size());
            assertEquals("Pay buttons are on", b.find("#pay-button-switch h2").getText());
            b.find("#pay-button-generator input[value=slider]").click();
            for (String[] v : new String[][] {{"min", "5"}, {"max", "50"}, {"price", "20"}}) {
                b.find("#pay-button-generator input[name=" + v[0] + "]").clear();
                b.find("#pay-button-generator input[name=" + v[0] + "]").sendKeys(v[1]);
            }
            b.find("#pay-button-generator input[name=checkoutDesc]").sendKeys("Donation <3");
            String code = b.find("#pay-button-code").getDomProperty("textContent");
            assertTrue(code.contains("name=\"storeId\" value=\"" + storeId + "\"") && code.contains("type=\"range\" name=\"price\"")
                    && code.contains("value=\"Donation &lt;3\""), code);
            b.screenshot("dashboard-pay-button-generator");
            assertEquals(List.of(), b.consoleErrors());

            // the merchant pastes it into their site; the buyer (here still logged in to the dashboard) slides and pays
            shop.put("/slider.html", ShopSite.page("Slider", code));
            b.open(shopUrl("/slider.html"));
            b.script("var r = document.querySelector('.btcpay-input-range'); r.value = '35';"
                    + " r.dispatchEvent(new Event('input'));");
            assertEquals("35", b.find("output").getText());
            b.find("button.submit").click();
            b.await(WAIT, d -> d.getCurrentUrl().startsWith(server.baseUrl() + "/i/"));
            assertTrue(b.text().contains("35 USD") && b.text().contains("Donation <3"), b.text());
            b.screenshot("dashboard-snippet-slider-paid-on-checkout");
        }
    }

    @Test
    @Order(7)
    void malformedFieldsGetClearErrorsNamingTheField() throws Exception {
        assertInvalid(postForm("price=1&currency=USD&jsonResponse=true"), "storeId");
        assertInvalid(postForm("storeId=" + storeId + "&price=0&jsonResponse=true"), "price");
        assertInvalid(postForm("storeId=" + storeId + "&price=ten&jsonResponse=true"), "price");
        assertInvalid(postForm("storeId=" + storeId + "&price=1&currency=XYZ&jsonResponse=true"), "currency");
        assertInvalid(postForm("storeId=" + storeId + "&price=1&orderId=" + "o".repeat(101) + "&jsonResponse=true"), "orderId");
        assertInvalid(postForm("storeId=" + storeId + "&price=1&browserRedirect=javascript:alert(1)&jsonResponse=true"),
                "browserRedirect");
        assertInvalid(postForm("storeId=" + storeId + "&price=1&serverIpn=ftp://shop.test/ipn&jsonResponse=true"), "serverIpn");
        assertInvalid(postForm("storeId=" + storeId + "&price=1&notifyEmail=nobody&jsonResponse=true"), "notifyEmail");
        HttpResponse<String> unknown = postForm("storeId=NoSuchStore&price=1&jsonResponse=true");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("storeId"), unknown.body());
        // a buyer's browser (no jsonResponse) gets a page, not JSON, still naming the field
        HttpResponse<String> page = postForm("storeId=" + storeId + "&price=-5");
        assertEquals(422, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("price: must be greater than 0"), page.body());
        assertFalse(page.body().contains("Exception") || page.body().contains("io.chaintill"));
        HttpResponse<String> big = post("storeId=" + storeId + "&x=" + "y".repeat(40_000), "application/x-www-form-urlencoded");
        assertEquals(413, big.statusCode());
        HttpResponse<String> json = post("{\"storeId\":\"" + storeId + "\"}", "application/json");
        assertInvalid(json, "Content-Type");
    }

    @Test
    @Order(8)
    void floodingIsThrottledPerClientWhileTheAuthenticatedApiStillAnswers() throws Exception {
        HttpResponse<String> limited = null;
        for (int i = 0; i < BURST + 5 && limited == null; i++) {
            HttpResponse<String> r = postForm("storeId=" + storeId + "&price=1&jsonResponse=true");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertEquals(200, r.statusCode(), r.body());
            }
        }
        assertNotNull(limited, "a burst of " + (BURST + 5) + " is throttled");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "one request every 10 s: " + retryAfter);
        assertTrue(limited.body().contains("\"code\":\"too-many-requests\""), limited.body());
        assertEquals(429, postForm("storeId=" + storeId + "&price=1&jsonResponse=true").statusCode());
        // the same client with an API key is not affected
        api.createInvoice(storeId, "{\"amount\":\"3\",\"currency\":\"USD\"}");
        api.get("/api/v1/stores/" + storeId + "/invoices").expect(200);
    }

    private static void assertInvalid(HttpResponse<String> r, String field) {
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"path\":\"" + field + "\""), r.body());
    }

    private static List<String> received(Browser b) {
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) b.script("return window.received;");
        return list;
    }

    private static String shopUrl(String path) {
        return shop.url(path);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String body) throws IOException, InterruptedException {
        return post(body, "application/x-www-form-urlencoded");
    }

    private static HttpResponse<String> post(String body, String type) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/invoices"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
