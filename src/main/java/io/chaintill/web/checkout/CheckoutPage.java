package io.chaintill.web.checkout;

import static io.chaintill.web.Html.escape;

import io.chaintill.application.CheckoutView;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The buyer's checkout page as one complete HTML document: it works without JavaScript (refreshed by a
 * {@code <noscript>} meta refresh), and checkout.js only makes it live. No inline script or style anywhere (the
 * Content-Security-Policy forbids both); the script reads what it needs from data-* attributes.
 */
public final class CheckoutPage {
    private static final String[][] LANGUAGE_NAMES = {{"en", "English"}, {"de", "Deutsch"}, {"es", "Español"}};

    private CheckoutPage() {
    }

    /** @param selected the tab to show; one of the view's methods */
    public static String render(CheckoutView v, CheckoutStatus status, CheckoutMessages t, CheckoutView.Method selected,
                                Instant now) {
        return render(v, status, t, selected, now, false);
    }

    /**
     * @param modal the page inside a shop's iframe (BTCPay's {@code view=modal}, opened by /modal/btcpay.js): a close
     *              button, links that stay in modal view, and the return link opening in the shop's own window
     */
    public static String render(CheckoutView v, CheckoutStatus status, CheckoutMessages t, CheckoutView.Method selected,
                                Instant now, boolean modal) {
        CheckoutState state = status.state();
        String lang = t.language();
        long secondsLeft = Math.max(0, Duration.between(now, v.expiresAt()).toSeconds());
        StringBuilder h = new StringBuilder(8192);
        h.append("<!doctype html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(escape(t.get("title", v.storeName()))).append("</title>\n")
                .append("<link rel=\"icon\" href=\"/assets/checkout/icon.svg\" type=\"image/svg+xml\">\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/checkout/checkout.css\">\n")
                .append("<script src=\"/assets/checkout/checkout.js\" defer></script>\n")
                // Without JavaScript the page itself is the status display: reload it now and then.
                .append("<noscript><meta http-equiv=\"refresh\" content=\"15\"></noscript>\n")
                .append("</head>\n<body").append(modal ? " class=\"modal\"" : "").append(">\n");
        h.append("<main id=\"checkout\" class=\"checkout\" data-state=\"").append(state.name())
                .append("\" data-invoice=\"").append(escape(v.invoiceId()))
                .append("\" data-lang=\"").append(lang)
                .append("\" data-method=\"").append(escape(selected == null ? "" : selected.id()))
                .append("\" data-seconds-left=\"").append(secondsLeft)
                .append("\" data-status-url=\"/checkout/").append(escape(v.invoiceId())).append("/status?lang=").append(lang)
                .append("\" data-events-url=\"/checkout/").append(escape(v.invoiceId())).append("/events?lang=").append(lang)
                .append("\" data-copied=\"").append(escape(t.get("copied")))
                .append("\" data-copy-manual=\"").append(escape(t.get("copy.manual")))
                .append("\" data-redirecting=\"").append(escape(t.get("redirecting")));
        if (modal) {
            h.append("\" data-view=\"modal\" data-legacy-status=\"").append(status.legacyStatus());
        }
        h.append("\">\n");
        if (modal) {
            // hidden until the script runs: closing means telling the shop's page, which needs the script
            h.append("<button type=\"button\" id=\"close\" class=\"close\" aria-label=\"").append(escape(t.get("close")))
                    .append("\" hidden>&times;</button>\n");
        }
        header(h, v, t);
        tabs(h, v, t, selected, modal);
        h.append("<p id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\">")
                .append(escape(status.message())).append("</p>\n");
        if (selected != null) {
            pay(h, v, t, selected, state.payable(), secondsLeft);
        }
        receipt(h, v, status, t, modal);
        h.append("<p id=\"copy-feedback\" class=\"feedback\" aria-live=\"polite\"></p>\n");
        footer(h, v, t, selected, modal);
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, CheckoutView v, CheckoutMessages t) {
        h.append("<header class=\"head\">\n<p class=\"store\">").append(escape(v.storeName())).append("</p>\n<h1>")
                .append(escape(t.get("heading"))).append("</h1>\n");
        if (v.amount() != null) {
            h.append("<p class=\"price\" id=\"price\">").append(escape(plain(v.amount()))).append(' ')
                    .append(escape(v.currency())).append("</p>\n");
        }
        if (v.orderId() != null || v.itemDesc() != null) {
            h.append("<p class=\"order\">");
            if (v.itemDesc() != null) {
                h.append(escape(v.itemDesc()));
            }
            if (v.orderId() != null) {
                h.append(v.itemDesc() == null ? "" : " · ").append(escape(t.get("order", v.orderId())));
            }
            h.append("</p>\n");
        }
        h.append("</header>\n");
    }

    /** Plain links, so the tabs work without JavaScript and need no ARIA widget keyboard handling. Shown for a
     * single method too: it names the currency to pay in. */
    private static void tabs(StringBuilder h, CheckoutView v, CheckoutMessages t, CheckoutView.Method selected,
                             boolean modal) {
        if (v.methods().isEmpty()) {
            return;
        }
        h.append("<nav class=\"methods\" aria-label=\"").append(escape(t.get("methods"))).append("\">\n<ul>\n");
        for (CheckoutView.Method m : v.methods()) {
            boolean current = selected != null && m.id().equals(selected.id());
            h.append("<li><a class=\"tab\" href=\"").append(escape(pageUrl(v.invoiceId(), m.id(), t.language(), modal)))
                    .append('"').append(current ? " aria-current=\"page\"" : "").append('>')
                    .append(escape(label(m))).append("</a></li>\n");
        }
        h.append("</ul>\n</nav>\n");
    }

    private static void pay(StringBuilder h, CheckoutView v, CheckoutMessages t, CheckoutView.Method m, boolean payable,
                            long secondsLeft) {
        String amount = m.remaining() == null ? null : m.remaining();
        String alt = amount == null ? t.get("qr.alt.any", m.currency(), m.destination())
                : t.get("qr.alt", amount, m.currency(), m.destination());
        h.append("<section id=\"pay\" class=\"pay\" aria-label=\"").append(escape(t.get("pay.label", label(m))))
                .append('"').append(payable ? "" : " hidden").append(">\n");
        h.append("<a class=\"qr\" id=\"qr-link\" href=\"").append(escape(m.paymentLink())).append("\">")
                .append("<img id=\"qr\" src=\"").append(escape(CheckoutStatus.qrPath(v.invoiceId(), m)))
                .append("\" width=\"280\" height=\"280\" alt=\"").append(escape(alt)).append("\"></a>\n");
        h.append("<dl class=\"facts\">\n");
        h.append("<dt>").append(escape(t.get("amount.due"))).append("</dt>\n<dd><span class=\"value\"><span id=\"amount\">")
                .append(escape(amount == null ? t.get("amount.any") : amount)).append("</span> ")
                .append(escape(m.currency())).append("</span>");
        if (amount != null) {
            copyButton(h, "amount", t.get("copy.amount"));
        }
        h.append("</dd>\n");
        if (!m.currency().equals(v.currency())) {
            h.append("<dt>").append(escape(t.get("rate"))).append("</dt>\n<dd>")
                    .append(escape(t.get("rate.value", m.currency(), plain(m.rate()), v.currency()))).append("</dd>\n");
        }
        h.append("<dt>").append(escape(t.get("address"))).append("</dt>\n<dd><code id=\"address\" class=\"address\">")
                .append(escape(m.destination())).append("</code>");
        copyButton(h, "address", t.get("copy.address"));
        h.append("</dd>\n");
        if (m.network() != null) {
            h.append("<dt>").append(escape(t.get("network"))).append("</dt>\n<dd id=\"network\">")
                    .append(escape(m.network())).append("</dd>\n");
        }
        h.append("<dt>").append(escape(t.get("expires"))).append("</dt>\n<dd><span id=\"countdown\">")
                .append(countdown(secondsLeft)).append("</span></dd>\n");
        h.append("</dl>\n");
        if (m.network() != null) {
            // one address is valid on every EVM chain: the buyer (or their exchange) must send on this one
            h.append("<p class=\"network-warning\" id=\"network-warning\" role=\"note\">")
                    .append(escape(t.get("network.warning", m.currency(), m.network()))).append("</p>\n");
        }
        h.append("<p><a class=\"wallet button\" id=\"wallet\" href=\"").append(escape(m.paymentLink())).append("\">")
                .append(escape(t.get("wallet"))).append("</a></p>\n");
        h.append("</section>\n");
    }

    /** Hidden until the script runs: without JavaScript there is nothing to copy with. */
    private static void copyButton(StringBuilder h, String target, String label) {
        h.append(" <button type=\"button\" class=\"copy\" data-copy=\"").append(target).append("\" hidden>")
                .append(escape(label)).append("</button>");
    }

    private static void receipt(StringBuilder h, CheckoutView v, CheckoutStatus status, CheckoutMessages t,
                                boolean modal) {
        h.append("<section id=\"receipt\" class=\"receipt\" aria-labelledby=\"receipt-title\"")
                .append(status.receipt() ? "" : " hidden").append(">\n<h2 id=\"receipt-title\">")
                .append(escape(t.get("receipt"))).append("</h2>\n<dl class=\"facts\">\n");
        h.append("<dt>").append(escape(t.get("receipt.invoice"))).append("</dt><dd>").append(escape(v.invoiceId()))
                .append("</dd>\n");
        if (v.orderId() != null) {
            h.append("<dt>").append(escape(t.get("receipt.order"))).append("</dt><dd>").append(escape(v.orderId()))
                    .append("</dd>\n");
        }
        if (v.amount() != null) {
            h.append("<dt>").append(escape(t.get("receipt.price"))).append("</dt><dd>").append(escape(plain(v.amount())))
                    .append(' ').append(escape(v.currency())).append("</dd>\n");
        }
        h.append("<dt>").append(escape(t.get("receipt.paid"))).append("</dt><dd id=\"receipt-paid\">");
        boolean first = true;
        for (CheckoutView.Method m : v.methods()) {
            if (m.payments() > 0) {
                h.append(first ? "" : ", ").append(escape(m.paid())).append(' ').append(escape(m.currency()));
                first = false;
            }
        }
        h.append("</dd>\n</dl>\n");
        for (String pullPayment : v.refundClaims()) {
            h.append("<p><a class=\"refund-claim\" href=\"/pull-payments/").append(escape(pullPayment)).append('"')
                    .append(modal ? " target=\"_top\"" : "").append(">").append(escape(t.get("receipt.refund")))
                    .append("</a></p>\n");
        }
        String redirect = status.redirectUrl();
        h.append("<p><a id=\"return\" class=\"button\" href=\"").append(escape(redirect == null ? "" : redirect))
                .append('"').append(modal ? " target=\"_top\"" : "").append(redirect == null ? " hidden" : "").append(">")
                .append(escape(t.get("return", v.storeName()))).append("</a></p>\n");
        h.append("<p id=\"redirecting\" hidden></p>\n");
        h.append("</section>\n");
    }

    private static void footer(StringBuilder h, CheckoutView v, CheckoutMessages t, CheckoutView.Method selected,
                               boolean modal) {
        h.append("<footer class=\"foot\">\n<nav aria-label=\"").append(escape(t.get("language"))).append("\"><ul>\n");
        for (String[] l : LANGUAGE_NAMES) {
            boolean current = l[0].equals(t.language());
            h.append("<li><a lang=\"").append(l[0]).append("\" hreflang=\"").append(l[0]).append("\" href=\"")
                    .append(escape(pageUrl(v.invoiceId(), selected == null ? null : selected.id(), l[0], modal))).append('"')
                    .append(current ? " aria-current=\"page\"" : "").append('>').append(l[1]).append("</a></li>\n");
        }
        h.append("</ul></nav>\n<noscript><p>").append(escape(t.get("noscript"))).append("</p></noscript>\n</footer>\n");
    }

    static String pageUrl(String invoiceId, String method, String lang) {
        return pageUrl(invoiceId, method, lang, false);
    }

    /** In modal view the links stay on BTCPay's legacy URL, which is the one the shop may frame. */
    static String pageUrl(String invoiceId, String method, String lang, boolean modal) {
        StringBuilder u = modal ? new StringBuilder("/invoice?id=").append(invoiceId).append("&view=modal&lang=").append(lang)
                : new StringBuilder("/i/").append(invoiceId).append("?lang=").append(lang);
        if (method != null) {
            u.append("&method=").append(URLEncoder.encode(method, StandardCharsets.UTF_8));
        }
        return u.toString();
    }

    /** "BTC" for on-chain Bitcoin, else the method id (a token's "USDT-ERC20" says more than "USDT"). */
    static String label(CheckoutView.Method m) {
        return m.id().endsWith("-CHAIN") ? m.currency() : m.id();
    }

    static String countdown(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** The friendly page for an unknown invoice (HTTP 404). */
    public static String notFound(CheckoutMessages t) {
        return "<!doctype html>\n<html lang=\"" + t.language() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(t.get("notfound.title")) + "</title>\n"
                + "<link rel=\"icon\" href=\"/assets/checkout/icon.svg\" type=\"image/svg+xml\">\n"
                + "<link rel=\"stylesheet\" href=\"/assets/checkout/checkout.css\">\n</head>\n<body>\n"
                + "<main class=\"checkout\" data-state=\"notfound\">\n<h1>" + escape(t.get("notfound.title")) + "</h1>\n<p>"
                + escape(t.get("notfound.text")) + "</p>\n</main>\n</body>\n</html>\n";
    }
}
