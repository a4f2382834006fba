package io.chaintill.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.Browser;
import io.chaintill.support.ChainTillDeployment;
import io.chaintill.support.DashboardLogin;
import io.chaintill.support.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.Tag;
import io.chaintill.support.TestEnvironment;

/**
 * A merchant sets up a shop in the dashboard with a real Chromium: logs in (after failed attempts lock another
 * account), creates a store, previews and saves an xpub (a pasted private key is refused next to the field),
 * creates a scoped API key and proves it against the API, revokes it, creates a webhook to a real receiver and
 * redelivers a delivery; a session request without the CSRF token is refused; logout ends the session.
 * The steps build on each other, in order; screenshots go to target/screenshots/DashboardSetupIT/.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(TestEnvironment.SINGLE_DATABASE) // the browser flow; its API calls run on both databases in DashboardApiIT and PermissionMatrixIT
class DashboardSetupIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TPRV = "tprv8ZgxMBicQKsPd7Uf69XL1XwhmjHopUGep8GuEiJDZmbQz6o58LninorQAfcKZWARbtRtfnLcJ5MQ2AtHcQJCCRUcMRvmDUjyEmNUWwx8UbK";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static Browser browser;
    private static ApiClient admin;
    private static String base;
    private static String storeId;
    private static String sessionCookie;
    private static WebhookReceiver receiver;

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
        if (receiver != null) {
            receiver.close();
        }
    }

    private void setUp() {
        if (browser == null) {
            admin = ApiClient.at(url).admin();
            base = admin.base();
            browser = Browser.forTest(DashboardSetupIT.class).start();
        }
    }

    @Test
    @Order(1)
    void failedLoginsKeepTheEmailAndEndInALockoutThatSaysHowLongToWait() throws Exception {
        setUp();
        String email = "lock-" + UUID.randomUUID().toString().substring(0, 8) + "@chaintill.test";
        admin.post("/api/v1/users", "{\"email\":\"" + email + "\",\"password\":\"right password 1\"}").expect(201);

        browser.open(base + "/dashboard");
        browser.await(WAIT, d -> d.getCurrentUrl().endsWith("/dashboard/login"));
        browser.screenshot("login-page");
        for (int i = 1; i <= 5; i++) {
            login(email, "wrong password " + i);
            WebElement error = browser.await(WAIT, d -> d.findElement(By.id("password-error")));
            assertEquals("The email or the password is not correct.", error.getText());
            assertEquals(email, browser.find("#email").getAttribute("value"), "the typed email is kept");
            assertEquals("password-error", browser.find("#password").getAttribute("aria-describedby"));
            if (i == 1) {
                browser.screenshot("wrong-password");
            }
        }
        // locked now: even the right password is not checked
        login(email, "right password 1");
        String message = browser.await(WAIT, d -> d.findElement(By.id("password-error"))).getText();
        assertTrue(message.matches("Too many failed logins\\. Try again in (\\d+ seconds|1 minute)\\."), message);
        browser.screenshot("locked-out");

        HttpResponse<String> locked = postForm("/dashboard/login", "email=" + enc(email) + "&password=" + enc("right password 1"), null);
        assertEquals(429, locked.statusCode());
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
        assertTrue(locked.headers().firstValue("Set-Cookie").isEmpty());

        // an unknown user gets exactly the same answer as a wrong password
        HttpResponse<String> unknown = postForm("/dashboard/login", "email=nobody%40chaintill.test&password=whatever1", null);
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.body().contains("The email or the password is not correct."));
    }

    @Test
    @Order(2)
    void merchantLogsInAndGetsAStrictHttpOnlySession() throws Exception {
        setUp();
        browser.open(base + "/dashboard/login");
        browser.consoleErrors(); // drop the earlier failed logins' 401 and 429 answers
        login(ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD);
        browser.await(WAIT, d -> d.getCurrentUrl().endsWith("/dashboard") || d.getCurrentUrl().contains("/dashboard#"));
        browser.await(WAIT, d -> d.findElements(By.cssSelector("#nav a")).size() == 7);
        Cookie cookie = browser.driver().manage().getCookieNamed(SessionCookie.NAME);
        assertNotNull(cookie);
        assertTrue(cookie.isHttpOnly());
        assertEquals("Strict", cookie.getSameSite());
        sessionCookie = cookie.getValue();
        assertEquals(43, sessionCookie.length(), "256 random bits, base64url");
        assertEquals(List.of("Overview", "Invoices", "Payouts", "Stores", "Webhooks", "API keys", "Chains"),
                browser.findAll("#nav a").stream().map(WebElement::getText).toList());

        HttpResponse<String> shell = get("/dashboard", sessionCookie);
        assertEquals(200, shell.statusCode());
        String csp = shell.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), errors.toString());
        browser.screenshot("logged-in");
    }

    @Test
    @Order(3)
    void createsAStore() {
        browser.open(base + "/dashboard#/stores");
        WebElement form = browser.await(WAIT, d -> d.findElement(By.id("create-store")));
        // a blank name is refused by the API, shown next to the field
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.await(WAIT, d -> d.findElement(By.cssSelector("#create-store [data-error-for=name]")));
        assertEquals("is required", error.getText());
        browser.screenshot("store-name-required");

        form.findElement(By.name("name")).sendKeys("Dashboard shop");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(WAIT, d -> d.getCurrentUrl().matches(".*#/stores/[^/]+$") && !d.findElements(By.id("store-settings")).isEmpty());
        storeId = browser.url().replaceFirst(".*#/stores/", "");
        assertEquals("Dashboard shop", browser.find("h1").getText());
        assertTrue(browser.text().contains("Store \"Dashboard shop\" created."));
        assertEquals("Dashboard shop", admin.get("/api/v1/stores/" + storeId).expect(200).object().getString("name"));
        browser.screenshot("store-created");

        // settings: an out-of-range value is refused next to its field and kept; a valid one is saved
        WebElement settings = browser.find("#store-settings");
        WebElement expiration = settings.findElement(By.name("invoiceExpiration"));
        expiration.clear();
        expiration.sendKeys("10");
        new org.openqa.selenium.support.ui.Select(settings.findElement(By.name("speedPolicy"))).selectByValue("LowSpeed");
        settings.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement tooShort = browser.await(WAIT, d -> d.findElement(By.cssSelector("#store-settings [data-error-for=invoiceExpiration]")));
        assertTrue(tooShort.getText().contains("between 60 and"), tooShort.getText());
        assertEquals("10", expiration.getAttribute("value"));
        browser.screenshot("store-settings-refused");
        expiration.clear();
        expiration.sendKeys("1800");
        settings.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(WAIT, d -> d.findElement(By.id("flash")).getText().contains("saved"));
        JsonObject store = admin.get("/api/v1/stores/" + storeId).expect(200).object();
        assertEquals(1800, store.getInt("invoiceExpiration"));
        assertEquals("LowSpeed", store.getString("speedPolicy"));
    }

    @Test
    @Order(4)
    void privateKeyIsRefusedNextToTheFieldAndTheXpubIsPreviewedBeforeSaving() {
        browser.find("tr[data-method='BTC-CHAIN'] a").click();
        WebElement config = browser.await(WAIT, d -> d.findElement(By.name("config")));
        config.sendKeys(TPRV);
        WebElement error = browser.await(WAIT, d -> d.findElement(By.cssSelector("[data-error-for=config]")));
        assertTrue(error.getText().contains("PRIVATE key"), error.getText());
        assertEquals(TPRV, config.getAttribute("value"), "what was typed stays");
        assertEquals("true", config.getAttribute("aria-invalid"));
        assertTrue(config.getAttribute("aria-describedby").contains(error.getAttribute("id")));
        browser.find("#preview").click();
        assertTrue(browser.findAll("#preview-addresses").isEmpty());
        assertFalse(browser.find("#save").isEnabled());
        browser.screenshot("private-key-refused");

        // the API refuses it too, without echoing it (for scripts and for a page that missed it)
        ApiResponse refused = admin.post("/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN/preview", "{\"config\":\"" + TPRV + "\"}");
        assertEquals(422, refused.status());
        assertEquals("config", refused.errorPath());
        assertFalse(refused.body().contains(TPRV.substring(4, 30)));

        config.clear();
        config.sendKeys(ApiClient.TEST_VPUB);
        browser.await(WAIT, d -> d.findElements(By.cssSelector("[data-error-for=config]")).isEmpty());
        browser.find("#preview").click();
        WebElement preview = browser.await(WAIT, d -> d.findElement(By.id("preview-addresses")));
        assertTrue(preview.getText().contains(ApiClient.TEST_VPUB_ADDRESS_0), preview.getText());
        assertEquals(404, admin.get("/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN").status(), "nothing saved yet");
        browser.screenshot("xpub-preview");

        browser.find("#save").click();
        browser.await(WAIT, d -> d.getCurrentUrl().endsWith("#/stores/" + storeId) && !d.findElements(By.id("payment-methods")).isEmpty());
        assertTrue(browser.find("tr[data-method='BTC-CHAIN']").getText().contains("Enabled"));
        JsonObject saved = admin.get("/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN").expect(200).object();
        assertTrue(saved.getBoolean("enabled"));
        assertEquals(ApiClient.TEST_VPUB_ADDRESS_0, admin.get("/api/v1/stores/" + storeId + "/payment-methods/BTC-CHAIN/preview?count=1")
                .expect(200).object().getJsonArray("addresses").getJsonObject(0).getString("address"), "the key saved is the one previewed");
        browser.screenshot("xpub-saved");
    }

    @Test
    @Order(5)
    void createsAScopedApiKeyThatWorksOnlyAsGrantedAndRevokesIt() {
        String otherStore = admin.post("/api/v1/stores", "{\"name\":\"Other shop\"}").expect(200).object().getString("id");
        browser.open(base + "/dashboard#/api-keys");
        WebElement form = browser.await(WAIT, d -> d.findElement(By.id("create-api-key")));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement none = browser.await(WAIT, d -> d.findElement(By.cssSelector("#create-api-key [data-error-for=permissions]")));
        assertEquals("Choose at least one permission.", none.getText());

        form.findElement(By.name("label")).sendKeys("Shop plugin");
        browser.find("#perm-btcpay-store-canviewstoresettings").click();
        browser.find("#perm-btcpay-store-cancreateinvoice").click();
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("storeScope"))).selectByValue(storeId);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        String key = browser.await(WAIT, d -> d.findElement(By.id("new-api-key"))).getText();
        assertTrue(key.matches("[0-9a-f]{40}"), key);
        // the list names each key by the SHA-256 of the key (other tests' keys may be listed too)
        String rowSelector = "#api-key-list tr[data-key-id='" + io.chaintill.application.Secrets.sha256Hex(key) + "']";
        browser.await(WAIT, d -> !d.findElements(By.cssSelector(rowSelector)).isEmpty());
        assertFalse(browser.find("#api-key-list").getText().contains(key), "the list never shows the key again");
        browser.screenshot("api-key-created");

        ApiClient plugin = ApiClient.at(base).withKey(key);
        assertEquals(List.of("btcpay.store.canviewstoresettings:" + storeId, "btcpay.store.cancreateinvoice:" + storeId),
                plugin.get("/api/v1/api-keys/current").expect(200).object().getJsonArray("permissions").getValuesAs(
                        jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        plugin.get("/api/v1/stores/" + storeId).expect(200);
        plugin.post("/api/v1/stores/" + storeId + "/invoices", "{\"amount\":\"5\",\"currency\":\"USD\"}").expect(200);
        assertEquals(403, plugin.get("/api/v1/stores/" + otherStore).status(), "scoped to one store");
        assertEquals(403, plugin.put("/api/v1/stores/" + storeId, "{\"name\":\"hijacked\"}").status(), "cannot modify");

        browser.find(rowSelector + " button[data-revoke]").click();
        browser.await(WAIT, d -> d.switchTo().alert()).accept();
        browser.await(WAIT, d -> d.findElements(By.cssSelector(rowSelector)).isEmpty());
        assertTrue(browser.find("#flash").getText().contains("Key \"Shop plugin\" revoked."));
        assertEquals(401, plugin.get("/api/v1/stores/" + storeId).status(), "revoked");
        browser.screenshot("api-key-revoked");
    }

    @Test
    @Order(6)
    void createsAWebhookSeesItsDeliveryAndRedeliversIt() throws Exception {
        receiver = WebhookReceiver.start();
        String hookUrl = receiver.url("/dashboard-hook").toString();
        browser.open(base + "/dashboard#/stores/" + storeId + "/webhooks");
        WebElement form = browser.await(WAIT, d -> d.findElement(By.id("webhook-form")));
        form.findElement(By.name("url")).sendKeys("not a url");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement urlError = browser.await(WAIT, d -> d.findElement(By.cssSelector("[data-error-for=url]")));
        assertFalse(urlError.getText().isBlank());
        assertEquals("not a url", form.findElement(By.name("url")).getAttribute("value"));
        browser.screenshot("webhook-url-refused");

        form.findElement(By.name("url")).clear();
        form.findElement(By.name("url")).sendKeys(hookUrl);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        String secret = browser.await(WAIT, d -> d.findElement(By.id("new-webhook-secret"))).getText();
        assertFalse(secret.isBlank());
        browser.screenshot("webhook-created");

        String invoiceId = admin.post("/api/v1/stores/" + storeId + "/invoices", "{\"amount\":\"7\",\"currency\":\"USD\"}")
                .expect(200).object().getString("id");
        WebhookReceiver.Request first = receiver.await("/dashboard-hook", 1, Duration.ofSeconds(60)).get(0);
        JsonObject event = Json.createReader(new StringReader(first.bodyText())).readObject();
        assertEquals("InvoiceCreated", event.getString("type"));
        assertEquals(invoiceId, event.getString("invoiceId"));
        assertFalse(event.getBoolean("isRedelivery"));

        browser.find("#created-webhook a").click();
        // the delivery's outcome is written just after the receiver answers: refresh until the page shows it
        browser.await(Duration.ofSeconds(60), d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#delivery-list tr[data-status='HttpSuccess']"));
            if (rows.isEmpty()) {
                d.findElements(By.id("refresh-deliveries")).forEach(WebElement::click);
                return false;
            }
            return true;
        });
        WebElement row = browser.find("#delivery-list tr[data-delivery-id]");
        row.findElement(By.cssSelector("button[data-details]")).click();
        WebElement body = browser.await(WAIT, d -> d.findElement(By.cssSelector("pre.request-body")));
        assertTrue(body.getText().contains(invoiceId), body.getText());
        String attempts = browser.find("table.attempts").getText();
        assertTrue(attempts.contains("200") && attempts.contains("ms"), attempts);
        browser.screenshot("webhook-delivery-details");

        browser.find("#delivery-list tr[data-delivery-id] button[data-redeliver]").click();
        List<WebhookReceiver.Request> both = receiver.await("/dashboard-hook", 2, Duration.ofSeconds(60));
        JsonObject again = Json.createReader(new StringReader(both.get(1).bodyText())).readObject();
        assertTrue(again.getBoolean("isRedelivery"));
        assertEquals(event.getString("deliveryId"), again.getString("originalDeliveryId"));
        browser.await(WAIT, d -> d.findElement(By.id("flash")).getText().contains("Redelivery queued"));
        browser.screenshot("webhook-redelivered");
    }

    @Test
    @Order(7)
    void sessionRequestsWithoutTheCsrfTokenAreRefused() throws Exception {
        String csrf = browser.find("meta[name='csrf-token']").getAttribute("content");
        ApiResponse noToken = ApiClient.at(base).anonymous().send("POST", "/api/v1/stores", "{\"name\":\"forged\"}",
                "Cookie", SessionCookie.NAME + "=" + sessionCookie);
        assertEquals(403, noToken.status());
        assertEquals("csrf-token-invalid", noToken.object().getString("code"));
        ApiResponse wrongToken = ApiClient.at(base).anonymous().send("DELETE", "/api/v1/stores/" + storeId, null,
                "Cookie", SessionCookie.NAME + "=" + sessionCookie, "X-CSRF-Token", csrf + "x");
        assertEquals(403, wrongToken.status());
        admin.get("/api/v1/stores/" + storeId).expect(200);
        // reads need no token; the token makes a write go through
        ApiClient.at(base).anonymous().send("GET", "/api/v1/stores", null, "Cookie", SessionCookie.NAME + "=" + sessionCookie).expect(200);
        ApiClient.at(base).anonymous().send("PUT", "/api/v1/stores/" + storeId, "{\"name\":\"Dashboard shop\"}",
                "Cookie", SessionCookie.NAME + "=" + sessionCookie, "X-CSRF-Token", csrf).expect(200);
        // logout by a form on another site is refused: it has no token
        assertEquals(403, postForm("/dashboard/logout", "csrf=", sessionCookie).statusCode());
    }

    @Test
    @Order(8)
    void logoutEndsTheSession() throws Exception {
        browser.find("#logout").click();
        browser.await(WAIT, d -> d.getCurrentUrl().endsWith("/dashboard/login"));
        browser.screenshot("logged-out");
        assertEquals(401, ApiClient.at(base).anonymous().send("GET", "/api/v1/stores", null,
                "Cookie", SessionCookie.NAME + "=" + sessionCookie).status(), "the old cookie is worthless");
        // the page's calls get a challenge browsers do not answer with a password dialog; other clients get Basic
        ApiResponse fromPage = ApiClient.at(base).anonymous().send("GET", "/api/v1/stores", null,
                "Cookie", SessionCookie.NAME + "=" + sessionCookie, "X-CSRF-Token", "any");
        assertEquals(401, fromPage.status());
        assertTrue(fromPage.header("WWW-Authenticate").startsWith("Session"), fromPage.header("WWW-Authenticate"));
        assertTrue(ApiClient.at(base).anonymous().get("/api/v1/stores").header("WWW-Authenticate").startsWith("Basic"));
        HttpResponse<String> shell = get("/dashboard", sessionCookie);
        assertEquals(303, shell.statusCode());
        assertTrue(shell.headers().firstValue("Location").orElseThrow().endsWith("/dashboard/login"));
        browser.open(base + "/dashboard#/stores");
        browser.await(WAIT, d -> d.getCurrentUrl().contains("/dashboard/login")); // the browser keeps the #fragment

        // a session that ends while the page is open: the next API call takes the browser back to the login form
        browser.open(base + "/dashboard/login");
        login(ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD);
        browser.await(WAIT, d -> d.findElements(By.cssSelector("#nav a")).size() == 7);
        String cookie = browser.driver().manage().getCookieNamed(SessionCookie.NAME).getValue();
        String csrf = browser.find("meta[name='csrf-token']").getAttribute("content");
        assertEquals(303, postForm("/dashboard/logout", "csrf=" + enc(csrf), cookie).statusCode());
        // the next API call is the click's, or the integrity banner's poll when that comes first (seen in CI)
        browser.await(WAIT, d -> d.getCurrentUrl().contains("/dashboard/login?expired=1")
                || browser.clickIfThere("#nav a[href='#/api-keys']"));
        browser.await(WAIT, d -> d.getCurrentUrl().contains("/dashboard/login?expired=1"));
        assertTrue(browser.text().contains("Your session has ended. Please log in again."));
        browser.screenshot("session-ended");
    }

    private static void login(String email, String password) {
        browser.find("#email").clear();
        DashboardLogin.submit(browser, email, password, WAIT);
        browser.await(WAIT, d -> "complete".equals(browser.script("return document.readyState")));
    }

    private static HttpResponse<String> postForm(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", SessionCookie.NAME + "=" + cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", SessionCookie.NAME + "=" + cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
