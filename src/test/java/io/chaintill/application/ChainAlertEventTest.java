package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.integrity.AlertKind;
import io.chaintill.domain.store.AuthorizedEvents;
import io.chaintill.support.WebhookSchemas;
import io.chaintill.webhook.WebhookEnvelope;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainAlertEventTest {
    private static final Instant RAISED = Instant.ofEpochSecond(1_767_229_400L);

    private static ChainAlert alert(String kind, Instant cleared) {
        return new ChainAlert("a1", "BTC", kind, List.of("primary bitcoind http://127.0.0.1:8332",
                "witness bitcoind http://127.0.0.1:18443"), 120, List.of("00aa", "00bb"), "they differ at 120",
                RAISED, cleared == null ? RAISED : cleared, cleared);
    }

    private static String delivered(ChainAlert a, Integer tip) {
        return WebhookEnvelope.body("d1", "w1", "d1", "ChainAlert", ChainAlertEvent.at(a), "s1", null, "{}",
                ChainAlertEvent.data(a, tip));
    }

    private static JsonObject parse(String json) {
        return io.chaintill.json.Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aRaiseAndItsClearAreValidChainAlertBodiesOfOneAlert() {
        String raise = delivered(alert("divergence", null), 123);
        String clear = delivered(alert("divergence", RAISED.plusSeconds(90)), null);
        WebhookSchemas.assertValid("ChainAlert", raise);
        WebhookSchemas.assertValid("ChainAlert", clear);
        JsonObject r = parse(raise);
        JsonObject c = parse(clear);
        assertEquals("critical", r.getString("severity"));
        assertEquals("raised", r.getString("status"));
        assertEquals(123, r.getInt("tipHeight"));
        assertEquals(RAISED.getEpochSecond(), r.getJsonNumber("timestamp").longValue());
        assertEquals("resolved", c.getString("severity"));
        assertEquals("cleared", c.getString("status"));
        assertEquals(RAISED.getEpochSecond() + 90, c.getJsonNumber("timestamp").longValue());
        assertEquals(r.getString("alertId"), c.getString("alertId"));
        assertTrue(c.getString("message").contains("cleared after 90 s"), c.getString("message"));
    }

    @Test
    void everyKindHasItsSeverityAndIsInTheSchema() {
        for (AlertKind k : AlertKind.values()) {
            JsonObject body = parse(delivered(alert(k.id(), null), 5));
            WebhookSchemas.assertValid("ChainAlert", body.toString());
            assertEquals(k.critical() ? "critical" : "warning", body.getString("severity"), k.id());
        }
        assertEquals("warning", parse(ChainAlertEvent.data(alert("lag", null), 1)).getString("severity"));
    }

    @Test
    void aClearMayNotClaimToBeARaise() {
        JsonObject clear = parse(delivered(alert("lag", RAISED.plusSeconds(1)), 5));
        String lying = clear.toString().replace("\"severity\":\"resolved\"", "\"severity\":\"warning\"");
        assertFalse(WebhookSchemas.errors("ChainAlert", lying).isEmpty());
    }

    @Test
    void webhooksMaySubscribeToChainAlerts() {
        assertTrue(new AuthorizedEvents(false, List.of("ChainAlert")).accepts("ChainAlert"));
        assertFalse(new AuthorizedEvents(false, List.of("InvoiceSettled")).accepts("ChainAlert"));
    }
}
