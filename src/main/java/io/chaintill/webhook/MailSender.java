package io.chaintill.webhook;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one IPN e-mail (a {@code mailto:} delivery, see {@link InvoiceNotifier}): a short text naming the invoice,
 * its status and amount, with BitPay's notification JSON below. Sent on the relay's own thread, bounded by the
 * webhook timeouts; the server's acceptance is recorded as 250, the SMTP code, which the log counts as delivered.
 */
public final class MailSender {
    private final MailSettings settings;

    public MailSender(MailSettings settings) {
        this.settings = settings;
    }

    public CompletableFuture<AttemptOutcome> send(ClaimedDelivery delivery) {
        long started = System.nanoTime();
        if (!settings.enabled()) {
            return CompletableFuture.completedFuture(AttemptOutcome.refusedTarget("refused: no SMTP server is configured"));
        }
        try {
            InternetAddress to = new InternetAddress(delivery.url().substring(InvoiceNotifier.MAILTO.length()), true);
            Session session = Session.getInstance(settings.sessionProperties());
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(Message.RecipientType.TO, to);
            JsonObject ipn = WebhookEnvelope.object(delivery.body());
            message.setSubject("Invoice " + ipn.getString("id", "") + " is " + ipn.getString("status", ""),
                    StandardCharsets.UTF_8.name());
            message.setText(text(ipn, delivery.body()), StandardCharsets.UTF_8.name());
            if (settings.username().isPresent()) {
                Transport.send(message, settings.username().get(), settings.password());
            } else {
                Transport.send(message);
            }
            return CompletableFuture.completedFuture(AttemptOutcome.answered(250, null, millisSince(started)));
        } catch (AddressException | SendFailedException e) {
            // the address or the server's verdict on it will not change by trying again
            return CompletableFuture.completedFuture(AttemptOutcome.refusedTarget("refused: " + e.getMessage()));
        } catch (MessagingException e) {
            return CompletableFuture.completedFuture(AttemptOutcome.noAnswer("smtp: " + e.getMessage(), millisSince(started)));
        }
    }

    static String text(JsonObject ipn, String json) {
        StringBuilder b = new StringBuilder();
        b.append("Invoice: ").append(ipn.getString("id", "")).append('\n');
        b.append("Status: ").append(ipn.getString("status", "")).append('\n');
        b.append("Amount: ").append(ipn.containsKey("price") ? ipn.get("price").toString() : "")
                .append(' ').append(ipn.getString("currency", "")).append('\n');
        if (ipn.containsKey("orderId")) {
            b.append("Order: ").append(ipn.getString("orderId", "")).append('\n');
        }
        b.append("Checkout: ").append(ipn.getString("url", "")).append("\n\n");
        b.append("The notification, as sent to a notification URL:\n").append(json).append('\n');
        return b.toString();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
