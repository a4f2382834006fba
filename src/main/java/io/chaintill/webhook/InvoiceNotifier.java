package io.chaintill.webhook;

import io.chaintill.application.Ids;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.InvoiceNotification;
import io.chaintill.persistence.InvoiceEventRecord;
import io.chaintill.persistence.InvoiceNotificationRepository;
import io.chaintill.persistence.InvoiceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IPN deliveries an outbox event causes for a pay-button invoice: one per BitPay notice to its serverIpn URL,
 * and one e-mail per event to its notifyEmail when SMTP is configured (as BTCPay: once per event, not per notice).
 * They join the webhook deliveries, so retries, address rules and the delivery log are the webhooks' own.
 */
@ApplicationScoped
public class InvoiceNotifier {
    public static final String MAILTO = "mailto:";

    @Inject
    InvoiceNotificationRepository notifications;
    @Inject
    InvoiceRepository invoices;
    @Inject
    MailSettings mail;

    public List<WebhookDelivery> deliveries(InvoiceEventRecord event, Instant now) {
        List<BitpayIpn.Notice> notices = BitpayIpn.notices(event.type(), event.dataJson());
        if (notices.isEmpty()) {
            return List.of();
        }
        Optional<InvoiceNotification> target = notifications.find(event.invoiceId());
        Optional<Invoice> invoice = target.isEmpty() ? Optional.empty() : invoices.find(event.invoiceId());
        if (invoice.isEmpty()) {
            return List.of();
        }
        List<WebhookDelivery> out = new ArrayList<>();
        target.get().url().ifPresent(url -> {
            for (BitpayIpn.Notice notice : notices) {
                out.add(delivery(url, event, notice.name(), body(invoice.get(), target.get(), notice, event), now));
            }
        });
        if (mail.enabled()) {
            BitpayIpn.Notice first = notices.get(0);
            target.get().email().ifPresent(email -> out.add(
                    delivery(MAILTO + email, event, first.name(), body(invoice.get(), target.get(), first, event), now)));
        }
        return out;
    }

    private static String body(Invoice invoice, InvoiceNotification target, BitpayIpn.Notice notice, InvoiceEventRecord event) {
        return BitpayIpn.body(invoice, notice, target.checkoutLink(), event.createdAt());
    }

    private static WebhookDelivery delivery(String target, InvoiceEventRecord event, String type, String body, Instant now) {
        return WebhookDelivery.ipn(Ids.newTimeOrderedId(now.toEpochMilli()), target, event.storeId(), event.invoiceId(), event.id(), type, body, now);
    }
}
