package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.chaintill.support.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;

/**
 * The shop's end of a pay button's notifications, both real and on 127.0.0.1: its serverIpn endpoint (an HTTP
 * receiver) and the notifyEmail mailbox behind an SMTP server (GreenMail) the ChainTill server is configured with.
 */
final class ShopNotifications implements AutoCloseable {
    static final String MAILBOX = "merchant@shop.test";
    private final WebhookReceiver ipn = WebhookReceiver.start();
    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    ShopNotifications() {
        smtp.start();
    }

    /** The server's environment for this SMTP server (and IPNs to loopback). */
    Map<String, String> serverEnv() {
        return Map.of("CHAINTILL_WEBHOOK_ALLOW_PRIVATE", "true", "CHAINTILL_SMTP_HOST", "127.0.0.1",
                "CHAINTILL_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()), "CHAINTILL_SMTP_STARTTLS", "false",
                "CHAINTILL_SMTP_FROM", "till@chaintill.test");
    }

    String ipnUrl() {
        return ipn.url("/ipn").toString();
    }

    /** The n-th IPN (from 1) once it arrived: BitPay's invoice object about {@code invoiceId}, unsigned JSON. */
    JsonObject ipn(int n, String invoiceId, Duration wait) {
        WebhookReceiver.Request r = ipn.await("/ipn", n, wait).get(n - 1);
        assertEquals("application/json", r.header("Content-Type"));
        assertNull(r.header("BTCPay-Sig"), "BitPay IPNs are not signed");
        JsonObject body = Json.createReader(new StringReader(r.bodyText())).readObject();
        assertEquals(invoiceId, body.getString("id"), r.bodyText());
        return body;
    }

    /** The n-th e-mail (from 1) once it arrived, checked to be to {@link #MAILBOX}. */
    MimeMessage mail(int n, Duration wait) throws Exception {
        assertTrue(smtp.waitForIncomingEmail(wait.toMillis(), n), "e-mail " + n + " within " + wait);
        MimeMessage mail = smtp.getReceivedMessages()[n - 1];
        assertEquals(MAILBOX, mail.getAllRecipients()[0].toString());
        return mail;
    }

    @Override
    public void close() {
        ipn.close();
        smtp.stop();
    }
}
