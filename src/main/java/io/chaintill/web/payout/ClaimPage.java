package io.chaintill.web.payout;

import static io.chaintill.web.Html.escape;

import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payout.Payout;
import io.chaintill.domain.payout.PullPayment;
import java.math.BigDecimal;
import java.util.List;

/**
 * The public claim page of a pull payment (a refund): what is left to claim, a plain HTML form for an address and an
 * amount, and the payouts claimed so far. No script at all, so the strict Content-Security-Policy costs nothing.
 */
final class ClaimPage {
    private ClaimPage() {
    }

    /**
     * @param error   a refusal to show above the form (with the field it concerns), or null
     * @param claimed the payout just created, or null
     */
    static String render(PullPayment pp, List<Payout> payouts, BigDecimal left, String errorField, String error,
                         Payout claimed, String destination, String amount) {
        String title = pp.name() == null || pp.name().isBlank() ? "Claim a payment" : pp.name();
        StringBuilder h = new StringBuilder(4096);
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<link rel=\"icon\" href=\"/assets/checkout/icon.svg\" type=\"image/svg+xml\">\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/checkout/checkout.css\">\n")
                .append("</head>\n<body>\n<main id=\"claim\" class=\"checkout\" data-pull-payment=\"").append(escape(pp.id()))
                .append("\">\n<h1>").append(escape(title)).append("</h1>\n");
        if (pp.description() != null && !pp.description().isBlank()) {
            h.append("<p class=\"description\">").append(escape(pp.description())).append("</p>\n");
        }
        h.append("<p id=\"left\" class=\"amount\">Left to claim: <strong>").append(escape(plain(left))).append(' ')
                .append(escape(pp.currency())).append("</strong> of ").append(escape(plain(pp.amount()))).append(' ')
                .append(escape(pp.currency())).append("</p>\n");
        if (claimed != null) {
            h.append("<p id=\"claimed\" class=\"status\" role=\"status\">Claimed ").append(escape(plain(claimed.originalAmount())))
                    .append(' ').append(escape(claimed.originalCurrency())).append(" to ").append(escape(claimed.destination()))
                    .append(": ").append(escape(stateText(claimed))).append("</p>\n");
        }
        if (error != null) {
            h.append("<p id=\"error\" class=\"error\" role=\"alert\" data-field=\"").append(escape(errorField)).append("\">")
                    .append(escape(error)).append("</p>\n");
        }
        if (pp.archived()) {
            h.append("<p class=\"status\">This payment can no longer be claimed.</p>\n");
        } else if (left.signum() > 0) {
            form(h, pp, left, destination, amount);
        }
        payouts(h, payouts);
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void form(StringBuilder h, PullPayment pp, BigDecimal left, String destination, String amount) {
        List<PaymentMethodId> methods = pp.payoutMethods();
        h.append("<form id=\"claim-form\" method=\"post\" action=\"/pull-payments/").append(escape(pp.id()))
                .append("\" autocomplete=\"off\">\n");
        if (methods.size() > 1) {
            h.append("<label for=\"payoutMethodId\">Paid in</label>\n<select id=\"payoutMethodId\" name=\"payoutMethodId\">\n");
            methods.forEach(m -> h.append("<option value=\"").append(escape(m)).append("\">").append(escape(m)).append("</option>\n"));
            h.append("</select>\n");
        } else {
            h.append("<input type=\"hidden\" name=\"payoutMethodId\" value=\"").append(escape(methods.get(0))).append("\">\n");
        }
        h.append("<label for=\"destination\">Your ").append(escape(methods.get(0).currency()))
                .append(" address (to receive; never enter a private key or seed words)</label>\n")
                .append("<input id=\"destination\" name=\"destination\" required maxlength=\"200\" spellcheck=\"false\" value=\"")
                .append(escape(destination == null ? "" : destination)).append("\">\n")
                .append("<label for=\"amount\">Amount (").append(escape(pp.currency())).append(")</label>\n")
                .append("<input id=\"amount\" name=\"amount\" inputmode=\"decimal\" maxlength=\"40\" value=\"")
                .append(escape(amount == null ? plain(left) : amount)).append("\">\n")
                .append("<button id=\"claim-button\" type=\"submit\">Claim</button>\n</form>\n");
    }

    private static void payouts(StringBuilder h, List<Payout> payouts) {
        if (payouts.isEmpty()) {
            return;
        }
        h.append("<h2>Claims</h2>\n<ul id=\"payouts\">\n");
        for (Payout p : payouts) {
            h.append("<li data-state=\"").append(p.state()).append("\">").append(escape(plain(p.originalAmount()))).append(' ')
                    .append(escape(p.originalCurrency())).append(" to ").append(escape(p.destination())).append(": ")
                    .append(escape(stateText(p))).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static String stateText(Payout p) {
        return switch (p.state()) {
            case AwaitingApproval -> "awaiting the merchant's approval";
            case AwaitingPayment -> "approved, awaiting payment";
            case InProgress -> "being paid (transaction seen)";
            case Completed -> "paid";
            case Cancelled -> "cancelled";
        };
    }

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
