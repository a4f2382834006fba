package io.chaintill.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server for pay-button e-mails (chaintill.smtp.*, docs/configuration.md). Without chaintill.smtp.host
 * no e-mail is sent (notifyEmail is then only checked), as BTCPay without an e-mail server.
 */
@ApplicationScoped
public class MailSettings {
    @Inject
    @ConfigProperty(name = "chaintill.smtp.host")
    Optional<String> host;
    @Inject
    @ConfigProperty(name = "chaintill.smtp.port", defaultValue = "587")
    int port;
    @Inject
    @ConfigProperty(name = "chaintill.smtp.from")
    Optional<String> from;
    @Inject
    @ConfigProperty(name = "chaintill.smtp.username")
    Optional<String> username;
    @Inject
    @ConfigProperty(name = "chaintill.smtp.password")
    Optional<String> password;
    @Inject
    @ConfigProperty(name = "chaintill.smtp.starttls", defaultValue = "true")
    boolean starttls;
    @Inject
    WebhookSettings webhook;

    public boolean enabled() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /** The sender address: chaintill.smtp.from, else the user name, else chaintill@ the host. */
    public String from() {
        return from.filter(s -> !s.isBlank()).or(() -> username.filter(s -> s.contains("@")))
                .orElse("chaintill@" + host.orElse("localhost"));
    }

    public Optional<String> username() {
        return username.filter(s -> !s.isBlank());
    }

    public String password() {
        return password.orElse("");
    }

    /** Jakarta Mail's session properties, with the webhook timeouts so a stuck server cannot hold the relay. */
    public Properties sessionProperties() {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host.orElse(""));
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.auth", String.valueOf(username().isPresent()));
        p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.put("mail.smtp.connectiontimeout", String.valueOf(webhook.connectTimeout().toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(webhook.requestTimeout().toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(webhook.requestTimeout().toMillis()));
        return p;
    }
}
