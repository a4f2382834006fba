package io.chaintill.web.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.ApiClient;
import io.chaintill.support.Browser;
import io.chaintill.support.ChainTillDeployment;
import io.chaintill.support.DashboardLogin;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * BTCPay's interactive API-key authorization in a real Chromium, with a "shop" on another origin (a small HTTP
 * server on 127.0.0.1) in the WooCommerce plugin's place: the shop sends the merchant to authorize, the merchant logs
 * in, picks one of two stores and approves, the shop receives the key by form post, and the key can do exactly what
 * was granted on exactly that store. Also: a permission left out (strict=false) and the application coming back,
 * Cancel, a key shown once, bad requests, an anonymous visit and a forged approval. Runs on both databases: the
 * returning application is found through the V7 table. Screenshots: target/screenshots/AuthorizeFlowIT/.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizeFlowIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** What the BTCPay WooCommerce plugin (2.x, through greenfield-php's getAuthorizeUrl) asks for, in its order. */
    private static final List<String> WOOCOMMERCE = List.of("btcpay.store.canviewinvoices", "btcpay.store.cancreateinvoice",
            "btcpay.store.canviewstoresettings", "btcpay.store.canmodifyinvoices", "btcpay.store.cancreatenonapprovedpullpayments",
            "btcpay.store.webhooks.canmodifywebhooks");
    private static final String PASSWORD = "merchant password 1";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static ApiClient api;
    private static String email;
    private static ApiClient merchant;
    private static String userId;
    private static String storeA;
    private static String storeB;
    private static ShopServer shop;

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ChainTillDeployment.war();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    private void setUp() {
        if (api != null) {
            return;
        }
        ApiClient admin = ApiClient.at(url).admin();
        email = "merchant-" + UUID.randomUUID().toString().substring(0, 8) + "@chaintill.test";
        userId = admin.post("/api/v1/users", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").expect(201)
                .object().getString("id");
        merchant = admin.withLogin(email, PASSWORD);
        storeA = merchant.post("/api/v1/stores", "{\"name\":\"Mugs\"}").expect(200).object().getString("id");
        storeB = merchant.post("/api/v1/stores", "{\"name\":\"Posters\"}").expect(200).object().getString("id");
        shop = ShopServer.start();
        api = admin.anonymous();
    }

    /** greenfield-php's ApiKey::getAuthorizeUrl: permissions[] per permission, booleans as "true"/"false". */
    private String authorizeUrl(List<String> permissions, String... more) {
        StringBuilder b = new StringBuilder(api.base()).append("/api-keys/authorize?");
        permissions.forEach(p -> b.append("permissions[]=").append(enc(p)).append('&'));
        for (int i = 0; i + 1 < more.length; i += 2) {
            b.append(more[i]).append('=').append(enc(more[i + 1])).append('&');
        }
        return b.substring(0, b.length() - 1);
    }

    /** From the shop's page to the authorize page, through the dashboard login. */
    private void connectFromShop(Browser browser, String authorizeUrl) {
        browser.open(shop.page(authorizeUrl));
        browser.find("#connect").click();
        browser.await(WAIT, d -> d.getCurrentUrl().contains("/dashboard/login?returnTo="));
        browser.screenshot("login-on-the-way");
        DashboardLogin.submit(browser, email, PASSWORD, WAIT);
        browser.await(WAIT, d -> d.getCurrentUrl().startsWith(api.base() + "/api-keys/authorize?"));
    }

    @Test
    void wooCommerceGetsAKeyForTheOneStoreTheMerchantPicks() throws Exception {
        setUp();
        try (Browser browser = Browser.forTest(AuthorizeFlowIT.class).start()) {
            String callback = shop.callback("woocommerce");
            connectFromShop(browser, authorizeUrl(WOOCOMMERCE, "applicationName", "WooCommerce", "strict", "true",
                    "selectiveStores", "true", "redirect", callback));
            assertTrue(browser.text().contains("Authorize WooCommerce"), browser.text());
            assertEquals(shop.origin(), browser.find("#destination").getText());
            assertTrue(browser.text().contains("Create pull payments that wait for your approval (refunds)"), browser.text());
            assertTrue(browser.findAll("input[name=grant]").isEmpty(), "strict: no permission can be left out");
            assertEquals(2, browser.findAll("input[name=storeId]").size(), "exactly the merchant's two stores");
            browser.find("#store-" + storeA).click();
            browser.screenshot("consent-woocommerce");
            browser.find("#approve").click();

            Map<String, List<String>> received = shop.await("woocommerce", WAIT);
            browser.await(WAIT, d -> d.getCurrentUrl().equals(callback) && d.findElements(By.id("received")).size() == 1);
            browser.screenshot("shop-received-the-key");
            assertEquals(List.of(), browser.consoleErrors(), "no CSP violation on the way");
            assertEquals(List.of(userId), received.get("userId"));
            assertEquals(WOOCOMMERCE.stream().map(p -> p + ":" + storeA).toList(), received.get("permissions[]"));

            ApiClient key = api.withKey(received.get("apiKey").get(0));
            assertEquals(WOOCOMMERCE.stream().map(p -> p + ":" + storeA).sorted().toList(), key.get("/api/v1/api-keys/current")
                    .expect(200).object().getJsonArray("permissions").getValuesAs(JsonString::getString).stream().sorted().toList());
            key.get("/api/v1/stores/" + storeA).expect(200);
            key.get("/api/v1/stores/" + storeA + "/invoices").expect(200);
            key.get("/api/v1/stores/" + storeA + "/webhooks").expect(200);
            key.get("/api/v1/stores/" + storeB).expect(403);
            key.get("/api/v1/stores/" + storeB + "/invoices").expect(403);
            key.put("/api/v1/stores/" + storeA, "{\"name\":\"Renamed\"}").expect(403);
            key.post("/api/v1/stores", "{\"name\":\"Another\"}").expect(403);
            key.get("/api/v1/users/me").expect(403);
            key.post("/api/v1/users", "{\"email\":\"x-" + UUID.randomUUID() + "@chaintill.test\",\"password\":\"whatever 12\"}")
                    .expect(403);
        }
    }

    @Test
    void aPermissionLeftOutIsNotGrantedAndTheReturningApplicationGetsAFreshKey() throws Exception {
        setUp();
        try (Browser browser = Browser.forTest(AuthorizeFlowIT.class).start()) {
            String callback = shop.callback("reports");
            String request = authorizeUrl(List.of("btcpay.store.canviewinvoices", "btcpay.store.cancreateinvoice"),
                    "applicationName", "Till reports", "applicationIdentifier", "till-reports", "strict", "false",
                    "redirect", callback);
            connectFromShop(browser, request);
            assertTrue(browser.findAll("input[name=storeId]").isEmpty(), "no selectiveStores: no store choice");
            browser.find("label[for=grant-1]").click();
            browser.screenshot("consent-one-unticked");
            browser.find("#approve").click();
            Map<String, List<String>> first = shop.await("reports", WAIT);
            assertEquals(List.of("btcpay.store.canviewinvoices"), first.get("permissions[]"));
            ApiClient key = api.withKey(first.get("apiKey").get(0));
            key.get("/api/v1/stores/" + storeA + "/invoices").expect(200);
            key.get("/api/v1/stores/" + storeB + "/invoices").expect(200);
            key.post("/api/v1/stores/" + storeA + "/invoices", "{\"amount\":\"1\",\"currency\":\"USD\"}").expect(403);

            // the same application asks again: it is recognised, and approving replaces its key
            browser.open(request);
            browser.await(WAIT, d -> d.findElements(By.id("previous")).size() == 1);
            browser.screenshot("returning-application");
            browser.find("#approve").click();
            Map<String, List<String>> second = shop.await("reports", WAIT);
            assertEquals(List.of("btcpay.store.canviewinvoices"), second.get("permissions[]"));
            assertNotEquals(first.get("apiKey"), second.get("apiKey"));
            key.get("/api/v1/api-keys/current").expect(401);
            api.withKey(second.get("apiKey").get(0)).get("/api/v1/stores/" + storeB + "/invoices").expect(200);
        }
    }

    @Test
    void cancelMakesNoKeyAndWithoutRedirectTheKeyIsShownOnce() throws Exception {
        setUp();
        try (Browser browser = Browser.forTest(AuthorizeFlowIT.class).start()) {
            int keys = merchant.get("/api/v1/api-keys").expect(200).array().size();
            connectFromShop(browser, authorizeUrl(List.of("btcpay.store.canviewinvoices"), "applicationName", "Cancelled app",
                    "redirect", shop.callback("cancelled")));
            browser.find("#cancel").click();
            browser.await(WAIT, d -> d.findElements(By.id("cancelled")).size() == 1);
            browser.screenshot("cancelled");
            assertTrue(browser.text().contains("No API key was created"), browser.text());
            assertEquals(keys, merchant.get("/api/v1/api-keys").expect(200).array().size());
            assertNull(shop.poll("cancelled"), "the application received nothing");

            browser.open(authorizeUrl(List.of("btcpay.store.canviewinvoices"), "applicationName", "Desktop app"));
            assertTrue(browser.text().contains("shown on the next page, once"), browser.text());
            browser.find("#approve").click();
            String shown = browser.await(WAIT, d -> d.findElement(By.id("api-key"))).getText();
            browser.screenshot("key-shown-once");
            api.withKey(shown).get("/api/v1/stores/" + storeB + "/invoices").expect(200);
            assertEquals(keys + 1, merchant.get("/api/v1/api-keys").expect(200).array().size());
        }
    }

    @Test
    void badRequestsAreClearPagesAnonymousVisitsLogInFirstAndForgedApprovalsAreRefused() throws Exception {
        setUp();
        String good = authorizeUrl(List.of("btcpay.store.canviewinvoices"), "redirect", shop.callback("forged"));
        HttpResponse<String> anonymous = get(good, null);
        assertEquals(303, anonymous.statusCode());
        String location = anonymous.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("(https?://[^/]+)?/dashboard/login\\?returnTo=%2Fapi-keys%2Fauthorize%3F.*"), location);

        Map<String, String> bad = Map.of(
                authorizeUrl(List.of("btcpay.store.canviewinvoices"), "redirect", "javascript:alert(1)"), "redirect",
                authorizeUrl(List.of("btcpay.store.canviewinvoices"), "redirect", "/wp-admin/callback"), "redirect",
                authorizeUrl(List.of("btcpay.store.canviewinvoices"), "strict", "maybe"), "strict",
                authorizeUrl(List.of("no-such-permission")), "permissions",
                authorizeUrl(List.of()), "permissions",
                authorizeUrl(List.of("btcpay.store.canviewinvoices"), "applicationName", "x".repeat(300)), "applicationName");
        for (Map.Entry<String, String> c : bad.entrySet()) {
            HttpResponse<String> r = get(c.getKey(), null);
            assertEquals(400, r.statusCode(), c.getKey());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
            assertTrue(r.body().contains("<code>" + c.getValue() + "</code>"), r.body());
        }
        assertEquals(414, get(authorizeUrl(List.of("btcpay.store.canviewinvoices"), "applicationName", "y".repeat(5_000)), null)
                .statusCode());

        // the login never sends anyone off the server, and comes back to a local return-to
        assertEquals("/dashboard", login("//evil.example/steal").location());
        Session s = login("/api-keys/authorize?permissions=btcpay.store.canviewinvoices");
        assertEquals("/api-keys/authorize?permissions=btcpay.store.canviewinvoices", s.location());

        HttpResponse<String> page = get(good, s.cookie());
        assertEquals(200, page.statusCode());
        String form = "command=approve&permissions=btcpay.store.canviewinvoices&redirect=" + enc(shop.callback("forged"));
        assertEquals(403, post("/api-keys/authorize", form + "&csrf=wrong", s.cookie(), null).statusCode());
        assertEquals(403, post("/api-keys/authorize", form + "&csrf=" + csrfOf(page.body()), s.cookie(), "https://evil.example")
                .statusCode());
        assertNull(shop.poll("forged"));

        try (Browser browser = Browser.forTest(AuthorizeFlowIT.class).start()) {
            browser.open(authorizeUrl(List.of("btcpay.store.canviewinvoices"), "redirect", "ftp://shop.example/x"));
            assertTrue(browser.find("#authorize-error").getText().contains("must be an absolute http or https URL"));
            browser.screenshot("bad-redirect");
        }
    }

    private record Session(String cookie, String location) {
    }

    /** Logs the merchant in over HTTP with a return-to; the session cookie and where the login sent us. */
    private Session login(String returnTo) throws Exception {
        HttpResponse<String> r = post("/dashboard/login", "email=" + enc(email) + "&password=" + enc(PASSWORD)
                + "&returnTo=" + enc(returnTo), null, null);
        assertEquals(303, r.statusCode(), r.body());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String location = URI.create(r.headers().firstValue("Location").orElseThrow()).getRawPath();
        String query = URI.create(r.headers().firstValue("Location").orElseThrow()).getRawQuery();
        return new Session(cookie, query == null ? location : location + "?" + query);
    }

    private static String csrfOf(String html) {
        int at = html.indexOf("name=\"csrf\" value=\"");
        assertTrue(at >= 0, html);
        int from = at + "name=\"csrf\" value=\"".length();
        return html.substring(from, html.indexOf('"', from));
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(WAIT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
