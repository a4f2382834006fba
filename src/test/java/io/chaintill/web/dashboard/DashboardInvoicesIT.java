package io.chaintill.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.ApiClient;
import io.chaintill.support.BitcoindRegtest;
import io.chaintill.support.Browser;
import io.chaintill.support.ChainTillDeployment;
import io.chaintill.support.DashboardLogin;
import io.chaintill.support.TestEnvironment;
import io.chaintill.support.WebhookReceiver;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * A merchant runs their shop's invoices in the dashboard with a real Chromium, a real regtest bitcoind and a real
 * webhook receiver: creates an invoice in the form (a bad amount is refused next to the field, the typed values
 * stay), watches it get paid and settle with every state change listed, redelivers the webhook it caused, marks
 * another invoice invalid, filters the list and downloads the CSV, and reads the overview's chart and the chain
 * status. The steps build on each other; screenshots go to target/screenshots/DashboardInvoicesIT/.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(TestEnvironment.SINGLE_DATABASE) // the views in a browser; DashboardApiIT runs their endpoints on both databases
class DashboardInvoicesIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Browser browser;
    private static ApiClient api;
    private static String base;
    private static String storeId;
    private static WebhookReceiver shop;
    private static String paidId;
    private static String invalidId;

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ChainTillDeployment.war();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (shop != null) {
            shop.close();
        }
    }

    private void setUp() {
        if (browser == null) {
            ApiClient admin = ApiClient.at(url).admin();
            base = admin.base();
            api = admin.newKey("unrestricted");
            storeId = api.storeWithBitcoin("Browser shop");
            shop = WebhookReceiver.start();
            api.addWebhook(storeId, shop.url("/shop"));
            browser = Browser.forTest(DashboardInvoicesIT.class).start();
        }
    }

    @Test
    @Order(1)
    void merchantLogsInAndCreatesAnInvoiceByHandAfterABadAmountIsRefusedNextToTheField() {
        setUp();
        browser.open(base + "/dashboard/login");
        DashboardLogin.submit(browser, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD, WAIT);
        browser.await(WAIT, d -> d.findElements(By.cssSelector("#nav a")).size() > 0);

        go("#/stores/" + storeId + "/invoices");
        browser.await(WAIT, d -> d.findElement(By.id("new-invoice")));
        assertTrue(browser.find("#invoice-list").getText().contains("No invoices match."));
        WebElement form = browser.find("#new-invoice");
        form.findElement(By.name("amount")).sendKeys("12,50");
        form.findElement(By.name("metadata.orderId")).sendKeys("order-77");
        form.findElement(By.name("metadata.buyerEmail")).sendKeys("buyer@example.com");
        form.findElement(By.name("metadata.itemDesc")).sendKeys("Blue shoes");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement error = browser.await(WAIT, d -> d.findElement(By.cssSelector("#new-invoice [data-error-for=amount]")));
        assertEquals("must be a plain decimal number such as 12.50", error.getText());
        WebElement amount = browser.find("#new-invoice [name=amount]");
        assertEquals("true", amount.getAttribute("aria-invalid"));
        assertTrue(amount.getAttribute("aria-describedby").contains(error.getAttribute("id")));
        assertEquals("12,50", amount.getAttribute("value"), "the typed values stay");
        assertEquals("order-77", browser.find("#new-invoice [name='metadata.orderId']").getAttribute("value"));
        assertEquals("Blue shoes", browser.find("#new-invoice [name='metadata.itemDesc']").getAttribute("value"));
        browser.screenshot("bad-amount");
        // the browser logs the refused request itself; nothing else may have gone wrong
        List<String> errors = browser.consoleErrors();
        assertTrue(!errors.isEmpty() && errors.stream().allMatch(e -> e.contains("/invoices") && e.contains("422")), errors.toString());

        amount.clear();
        amount.sendKeys("12.50");
        browser.find("#new-invoice button[type=submit]").click();
        browser.await(WAIT, d -> d.getCurrentUrl().contains("/invoices/") && !d.findElements(By.id("invoice-status")).isEmpty());
        paidId = browser.url().substring(browser.url().lastIndexOf('/') + 1);
        assertEquals("New", attribute("#invoice-status [data-status]", "data-status"));
        String facts = text("#invoice-facts");
        assertTrue(facts.contains("12.5 USD") && facts.contains("order-77") && facts.contains("buyer@example.com"), facts);
        JsonObject created = api.get(invoicePath(paidId)).expect(200).object();
        assertEquals("Blue shoes", created.getJsonObject("metadata").getString("itemDesc"));
        browser.screenshot("invoice-created");
    }

    @Test
    @Order(2)
    void thePaidInvoiceTurnsSettledOnThePageWithEveryStateChangeAndPayment() {
        BitcoindRegtest node = TestEnvironment.bitcoind();
        JsonObject prompt = api.get(invoicePath(paidId) + "/payment-methods").expect(200).array().getJsonObject(0);
        String address = text("[data-payment-method='BTC-CHAIN'] .destination");
        assertEquals(prompt.getString("destination"), address);
        String txid = node.send(BitcoindRegtest.MINER_WALLET, address, new BigDecimal(prompt.getString("amount")));
        awaitStatus("Processing");
        browser.await(WAIT, d -> txid.equals(text(".payments code.txid")));
        browser.screenshot("processing");

        node.mine(1);
        awaitStatus("Settled");
        browser.await(WAIT, d -> !d.findElements(By.cssSelector("#invoice-history tr[data-event-type=InvoiceSettled]")).isEmpty());
        @SuppressWarnings("unchecked")
        List<String> changes = (List<String>) browser.script("return Array.from(document.querySelectorAll('#invoice-history tbody tr'))"
                + ".map(r => r.getAttribute('data-event-type') + ':' + r.getAttribute('data-status'))");
        assertEquals(List.of("InvoiceCreated:New", "InvoiceReceivedPayment:", "InvoiceProcessing:Processing",
                "InvoicePaymentSettled:", "InvoiceSettled:Settled"), changes);
        assertEquals("Settled", attribute(".payments tbody tr", "data-status"));
        assertTrue(Integer.parseInt(text(".payments tbody tr .confirmations").split(" ")[0]) >= 1);
        browser.screenshot("settled-with-history");
    }

    @Test
    @Order(3)
    void theWebhookDeliveryItCausedIsListedAndRedeliveredToTheShop() {
        String settledRow = "#invoice-deliveries tr[data-type=InvoiceSettled][data-status=HttpSuccess]";
        browser.await(WAIT, d -> !d.findElements(By.cssSelector(settledRow)).isEmpty());
        browser.screenshot("deliveries");
        click(settledRow + " button[data-redeliver]");
        browser.await(WAIT, d -> String.valueOf(text("#flash .flash.ok")).startsWith("Redelivery queued"));
        List<WebhookReceiver.Request> again = shop.await(r -> r.bodyText().contains(paidId)
                && r.bodyText().contains("\"isRedelivery\":true") && r.bodyText().contains("\"InvoiceSettled\""), 1, WAIT);
        assertEquals(1, again.size());
        browser.await(WAIT, d -> Boolean.TRUE.equals(browser.script(
                "return document.querySelectorAll('#invoice-deliveries tr[data-type=InvoiceSettled]').length === 2")));
        assertTrue(text("#invoice-deliveries").contains("redelivery"));
        browser.screenshot("redelivered");
    }

    @Test
    @Order(4)
    void anotherInvoiceIsMarkedInvalid() {
        invalidId = api.createInvoice(storeId, "{\"amount\":\"3\",\"metadata\":{\"orderId\":\"=1+2\"}}").getString("id");
        go("#/stores/" + storeId + "/invoices/" + invalidId);
        click("#mark-invalid");
        browser.await(WAIT, d -> d.switchTo().alert()).accept();
        awaitStatus("Invalid");
        assertEquals("Marked", text("#invoice-status [data-additional-status]"));
        assertTrue(browser.findAll("#mark-invalid").isEmpty(), "no longer offered");
        assertEquals("Invalid", api.get(invoicePath(invalidId)).expect(200).object().getString("status"));
        browser.screenshot("marked-invalid");
    }

    @Test
    @Order(5)
    void theListFiltersAndTheCsvDownloadCarriesTheSameFilters() throws Exception {
        go("#/stores/" + storeId + "/invoices");
        browser.await(WAIT, d -> d.findElements(By.cssSelector("#invoice-list tbody tr")).size() == 2);
        String all = csv(browser.find("#export-csv").getAttribute("href"));
        List<String> lines = List.of(all.split("\r\n"));
        assertEquals(3, lines.size(), all);
        assertTrue(lines.get(0).startsWith("invoiceId,orderId,created,status,additionalStatus,currency,amount,paid_BTC-CHAIN"));
        assertTrue(lines.get(1).startsWith(invalidId + ",'=1+2,"), "formula defused: " + lines.get(1));
        assertTrue(lines.get(1).contains(",Invalid,Marked,USD,3,"), lines.get(1));
        assertTrue(lines.get(2).startsWith(paidId + ",order-77,"), lines.get(2));
        assertTrue(lines.get(2).contains(",Settled,None,USD,12.5,0.00025,"), lines.get(2));

        new org.openqa.selenium.support.ui.Select(browser.find("#invoice-filters [name=status]")).selectByValue("Settled");
        browser.find("#invoice-filters [name=text]").sendKeys("blue shoes");
        browser.find("#invoice-filters button[type=submit]").click();
        browser.await(WAIT, d -> d.getCurrentUrl().contains("status=Settled")
                && d.findElements(By.cssSelector("#invoice-list tbody tr")).size() == 1);
        assertEquals(paidId, browser.find("#invoice-list tbody tr").getAttribute("data-invoice-id"));
        String href = browser.find("#export-csv").getAttribute("href");
        assertTrue(href.contains("status=Settled") && href.contains("textSearch=blue+shoes"), href);
        String filtered = csv(href);
        assertEquals(2, filtered.split("\r\n").length, filtered);
        assertTrue(filtered.contains(paidId) && !filtered.contains(invalidId));
        browser.screenshot("filtered-list");
    }

    @Test
    @Order(6)
    void theOverviewChartsTodaysSettledAmountAndCountsTheInvalidInvoice() {
        go("#/?days=7");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        WebElement bar = browser.await(WAIT, d -> d.findElement(By.cssSelector("#settled-USD svg[role=img] rect.bar.today")));
        assertEquals(today, bar.getAttribute("data-date"));
        assertEquals("12.5", bar.getAttribute("data-amount"));
        assertTrue(browser.find("#settled-USD svg title").getAttribute("textContent").contains("USD"));
        assertEquals("12.5 USD", browser.script("return document.querySelector('#settled-USD tr[data-date=\"" + today
                + "\"] td').textContent"));
        assertEquals("1", browser.find("#invalid-invoices .figure").getText());
        assertEquals("0", browser.find("#webhook-failures .figure").getText());
        assertEquals("0.00025", browser.find("#received-list tr[data-payment-method='BTC-CHAIN'] td:nth-child(3)").getText());
        browser.screenshot("overview");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    @Order(7)
    void theChainsPageShowsBitcoinWithItsHeights() {
        go("#/chains");
        browser.await(WAIT, d -> text("#chain-list tr[data-chain=BTC][data-status=UP]") != null);
        String tip = String.valueOf(TestEnvironment.bitcoind().blockCount());
        browser.await(WAIT, d -> tip.equals(text("#chain-list tr[data-chain=BTC] td:nth-child(3)"))
                && tip.equals(text("#chain-list tr[data-chain=BTC] td:nth-child(4)")));
        assertEquals("0", text("#chain-list tr[data-chain=BTC] td:nth-child(5)"), "no lag");
        assertTrue(browser.findAll("#chain-alerts").isEmpty(), "no alert while the chain is up and current");
        browser.screenshot("chains");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Navigates inside the app once the current view has finished rendering (renders must not overlap). */
    private static void go(String hash) {
        browser.await(WAIT, d -> Boolean.TRUE.equals(browser.script(
                "const m = document.getElementById('main'); return !!m.querySelector('h1') && !m.hasAttribute('aria-busy')")));
        browser.script("window.location.hash = arguments[0]", hash);
    }

    /** The page redraws itself while it is watched, so state is read in one script call, never via a held element. */
    private static void awaitStatus(String status) {
        browser.await(WAIT, d -> status.equals(attribute("#invoice-status [data-status]", "data-status")));
    }

    /** Clicks, trying again when a redraw replaced the element between finding and clicking it. */
    private static void click(String css) {
        browser.await(WAIT, d -> {
            try {
                d.findElement(By.cssSelector(css)).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private static String attribute(String css, String name) {
        return (String) browser.script("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                css, name);
    }

    private static String text(String css) {
        return (String) browser.script("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css);
    }

    private static String invoicePath(String invoiceId) {
        return "/api/v1/stores/" + storeId + "/invoices/" + invoiceId;
    }

    /** Downloads what the Export CSV link points at, as the browser would: with the session cookie only. */
    private static String csv(String href) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed(SessionCookie.NAME);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", SessionCookie.NAME + "=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        return r.body();
    }
}
