package io.chaintill.api.paybutton;

import io.chaintill.application.InvoiceRequest;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The fields of BTCPay's pay-button form (its PayButtonViewModel), checked: each has a length bound and a clear
 * error naming it. Fields BTCPay's form carries only for its own look (buttonSize, min, max, step, submit ...) are
 * ignored. {@code serverIpn} and {@code notifyEmail} get the invoice's BitPay-style IPNs (see
 * io.chaintill.webhook.BitpayIpn), as on BTCPay.
 */
public record PayButtonForm(String storeId, BigDecimal price, String currency, String checkoutDesc, String orderId,
                            String browserRedirect, String defaultPaymentMethod, boolean jsonResponse,
                            String checkoutQueryString, String serverIpn, String notifyEmail) {
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PRICE = Pattern.compile("-?([0-9]{1,15}(\\.[0-9]{1,12})?|\\.[0-9]{1,12})");

    public static PayButtonForm of(Map<String, String> f) {
        String storeId = text(f, "storeId", 64);
        if (storeId == null) {
            throw new InvalidInputException("storeId", "is required");
        }
        if (!STORE_ID.matcher(storeId).matches()) {
            throw new InvalidInputException("storeId", "is not a store id");
        }
        String email = text(f, "notifyEmail", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("notifyEmail", "must be an e-mail address");
        }
        String serverIpn = httpUrl(text(f, "serverIpn", 500), "serverIpn");
        return new PayButtonForm(storeId, price(text(f, "price", 32)), text(f, "currency", 10),
                text(f, "checkoutDesc", 500), text(f, "orderId", 100), httpUrl(text(f, "browserRedirect", 500), "browserRedirect"),
                text(f, "defaultPaymentMethod", 50), bool(text(f, "jsonResponse", 5), "jsonResponse"),
                query(text(f, "checkoutQueryString", 500)), serverIpn, email);
    }

    /** What the invoice is asked for: the store's defaults for everything a pay button does not say. */
    public InvoiceRequest invoiceRequest() {
        JsonObjectBuilder metadata = Json.createObjectBuilder();
        List<String> searchValues = new ArrayList<>();
        if (orderId != null) {
            metadata.add("orderId", orderId);
            searchValues.add(orderId);
        }
        if (checkoutDesc != null) {
            metadata.add("itemDesc", checkoutDesc);
            searchValues.add(checkoutDesc);
        }
        return new InvoiceRequest(price, currency, metadata.build().toString(), orderId, searchValues, null,
                null, null, null, null, browserRedirect, null, null, defaultPaymentMethod, null);
    }

    /** The form's name for a field the invoice checks report in Greenfield's words. */
    public static String formField(String invoiceField) {
        return switch (invoiceField) {
            case "amount" -> "price";
            case "checkout.redirectURL" -> "browserRedirect";
            case "checkout.defaultPaymentMethod" -> "defaultPaymentMethod";
            default -> invoiceField;
        };
    }

    /** The checkout link with the form's extra query (BTCPay's checkoutQueryString, e.g. lang=de) added. */
    public String checkoutUrl(String checkoutLink) {
        return checkoutQueryString == null ? checkoutLink
                : checkoutLink + (checkoutLink.contains("?") ? "&" : "?") + checkoutQueryString;
    }

    private static String text(Map<String, String> f, String name, int max) {
        String v = f.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.strip();
        if (v.length() > max) {
            throw new InvalidInputException(name, "must be at most " + max + " characters");
        }
        return v;
    }

    private static BigDecimal price(String s) {
        if (s == null) {
            return null; // no price: the buyer pays what they like (a top-up invoice), as on BTCPay
        }
        if (!PRICE.matcher(s).matches()) {
            throw new InvalidInputException("price", "must be a number such as 10 or 4.99");
        }
        BigDecimal p = new BigDecimal(s);
        if (p.signum() <= 0) {
            throw new InvalidInputException("price", "must be greater than 0");
        }
        return p;
    }

    private static String httpUrl(String url, String field) {
        if (url == null) {
            return null;
        }
        try {
            URI u = URI.create(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidInputException(field, "must be an absolute http(s) URL");
    }

    private static boolean bool(String s, String field) {
        if (s == null) {
            return false;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw new InvalidInputException(field, "must be true or false");
        };
    }

    /** Re-encoded pair by pair, so nothing but query parameters can reach the URL the buyer is sent to. */
    private static String query(String q) {
        if (q == null) {
            return null;
        }
        StringJoiner out = new StringJoiner("&");
        for (String pair : q.replaceFirst("^\\?", "").split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.add(encode(name) + "=" + encode(value));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("checkoutQueryString", "must be a query string such as lang=de");
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
