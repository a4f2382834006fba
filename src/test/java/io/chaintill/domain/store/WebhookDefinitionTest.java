package io.chaintill.domain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookDefinitionTest {

    static WebhookDefinition withUrl(String url) {
        return new WebhookDefinition(url, "secret", true, true, AuthorizedEvents.ALL);
    }

    static String field(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).field();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "example.com/hook", "/hook", "ftp://example.com/", "file:///etc/passwd",
            "javascript:alert(1)", "http://", "http://exa mple.com/", "https://user:pw@example.com/"})
    void badUrlsNameTheUrlField(String url) {
        assertEquals("url", field(() -> withUrl(url)));
    }

    @Test
    void urlIsRequiredAndBounded() {
        assertEquals("url", field(() -> withUrl(null)));
        String path = "a".repeat(WebhookDefinition.MAX_URL_LENGTH);
        assertEquals("url", field(() -> withUrl("https://example.com/" + path)));
        String fits = "https://example.com/" + "a".repeat(WebhookDefinition.MAX_URL_LENGTH - 20);
        assertEquals(fits, withUrl(fits).url());
    }

    @Test
    void httpAndHttpsUrlsAreKept() {
        assertEquals("http://shop.example:8080/btcpay/hook?x=1", withUrl("http://shop.example:8080/btcpay/hook?x=1").url());
        assertEquals("https://shop.example/hook", withUrl("  https://shop.example/hook ").url());
    }

    @Test
    void secretIsBounded() {
        assertEquals("secret", field(() -> new WebhookDefinition("https://a.example/", "x".repeat(257), true, true, null)));
        assertEquals("secret", field(() -> new WebhookDefinition("https://a.example/", "", true, true, null)));
        assertEquals(256, new WebhookDefinition("https://a.example/", "x".repeat(256), true, true, null).secret().length());
    }

    @Test
    void unknownEventsAreRejectedByPosition() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new AuthorizedEvents(false, List.of("InvoiceSettled", "InvoiceExploded")));
        assertEquals("authorizedEvents.specificEvents[1]", e.field());
        assertTrue(e.getMessage().contains("InvoiceExploded"));
    }

    @Test
    void authorizedEventsFilter() {
        AuthorizedEvents some = new AuthorizedEvents(false, List.of("InvoiceSettled", "InvoiceSettled", "InvoiceExpired"));
        assertEquals(List.of("InvoiceSettled", "InvoiceExpired"), some.specificEvents());
        assertTrue(some.accepts("InvoiceSettled"));
        assertFalse(some.accepts("InvoiceCreated"));
        assertTrue(AuthorizedEvents.ALL.accepts("InvoiceCreated"));
        assertEquals(some, AuthorizedEvents.of(false, some.specificEventsText()));
        assertEquals(List.of(), AuthorizedEvents.of(true, "").specificEvents());
    }
}
