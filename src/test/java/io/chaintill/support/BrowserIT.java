package io.chaintill.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The browser harness itself: Chromium starts, loads a page, takes a screenshot, and its options (JavaScript off,
 * preferred language, phone size) really reach the page. The pages of the real server are the other browser tests'.
 */
@Tag(TestEnvironment.SINGLE_DATABASE)
class BrowserIT {
    /** A page that shows what the browser sent and whether its script ran. */
    private static HttpServer echo;

    @BeforeAll
    static void startEcho() throws IOException {
        echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            byte[] body;
            if (exchange.getRequestURI().getPath().equals("/probe.js")) {
                body = "document.getElementById('js').textContent = 'js on ' + window.innerWidth;"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/javascript");
            } else {
                String lang = exchange.getRequestHeaders().getFirst("Accept-Language");
                body = ("<!doctype html><html><head><meta name=viewport content=\"width=device-width\"></head><body><p id=lang>" + lang + "</p><p id=js>js off</p>"
                        + "<script src=/probe.js></script></body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        echo.start();
    }

    @AfterAll
    static void stopEcho() {
        if (echo != null) {
            echo.stop(0);
        }
    }

    private String echoUrl() {
        return "http://127.0.0.1:" + echo.getAddress().getPort() + "/";
    }

    @Test
    void opensAPageRunsItsScriptAndTakesAScreenshot() throws IOException {
        try (Browser browser = Browser.forTest(BrowserIT.class).start()) {
            browser.open(echoUrl());
            browser.await(Duration.ofSeconds(5), d -> browser.find("#js").getText().startsWith("js on"));
            assertEquals("js on 1280", browser.find("#js").getText());
            Path shot = browser.screenshot("desktop");
            assertTrue(shot.toString().matches(".*target/screenshots/BrowserIT/\\d\\d-desktop\\.png"), shot.toString());
            byte[] png = Files.readAllBytes(shot);
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG file");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void preferredLanguageAndPhoneSizeReachThePage() {
        try (Browser browser = Browser.forTest(BrowserIT.class).phone().language("de").start()) {
            browser.open(echoUrl());
            assertTrue(browser.find("#lang").getText().startsWith("de"), browser.find("#lang").getText());
            browser.await(Duration.ofSeconds(5), d -> browser.find("#js").getText().startsWith("js on"));
            assertEquals("js on 360", browser.find("#js").getText());
            browser.screenshot("phone-de");
        }
    }

    @Test
    void javascriptOffRunsNoPageScript() {
        try (Browser browser = Browser.forTest(BrowserIT.class).javascript(false).start()) {
            browser.open(echoUrl());
            assertEquals("js off", browser.find("#js").getText());
            browser.screenshot("no-js");
        }
    }
}
