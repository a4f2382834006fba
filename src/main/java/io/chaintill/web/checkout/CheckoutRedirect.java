package io.chaintill.web.checkout;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The merchant's redirectURL with {InvoiceId} and {OrderId} filled in, URL-encoded (Greenfield's placeholders). */
public final class CheckoutRedirect {
    private CheckoutRedirect() {
    }

    /** Null when there is no URL, or when it is not http(s) after filling in (never a javascript: link). */
    public static String fill(String template, String invoiceId, String orderId) {
        if (template == null || template.isBlank()) {
            return null;
        }
        String url = template.replace("{InvoiceId}", encode(invoiceId)).replace("{OrderId}", encode(orderId));
        try {
            String scheme = URI.create(url).getScheme();
            return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http")
                    || scheme.toLowerCase(Locale.ROOT).equals("https")) ? url : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String encode(String value) {
        // URLEncoder writes form encoding; a space must be %20 in a path as well as in a query
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
