package io.chaintill.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The base URL buyers reach this server at: {@code chaintill.public.url}, or else the one the request came in on. */
@ApplicationScoped
public class PublicUrl {
    @Inject
    @ConfigProperty(name = "chaintill.public.url")
    Optional<String> configured;

    public String base(UriInfo uri) {
        String base = configured.filter(s -> !s.isBlank()).orElse(uri.getBaseUri().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String checkoutLink(UriInfo uri, String invoiceId) {
        return checkoutLink(base(uri), invoiceId);
    }

    /** For lists: the base once ({@link #base} builds it from the request each time), then each invoice's link. */
    public static String checkoutLink(String base, String invoiceId) {
        return base + "/i/" + invoiceId;
    }
}
