package io.chaintill.web.dashboard;

import io.chaintill.web.Html;

/**
 * The one HTML page of the dashboard: layout skeleton, the CSRF token in a meta tag, and the app module.
 * No inline script or style, so the CSP can forbid both.
 */
public final class DashboardShell {
    private DashboardShell() {
    }

    public static String render(String email, String csrfToken) {
        String csrf = Html.escape(csrfToken);
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"csrf-token\" content=\"" + csrf + "\">"
                + "<title>ChainTill</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/dashboard/app.css\">"
                + "<link rel=\"stylesheet\" href=\"/assets/dashboard/ops.css\">"
                + "<script type=\"module\" src=\"/assets/dashboard/app.js\"></script></head><body>"
                + "<header class=\"topbar\"><a class=\"brand\" href=\"#/\">ChainTill</a>"
                + "<nav id=\"nav\" aria-label=\"Main\"></nav>"
                + "<div class=\"right\"><label for=\"store-picker\">Store</label><select id=\"store-picker\"></select>"
                + "<span class=\"user\">" + Html.escape(email) + "</span>"
                + "<form method=\"post\" action=\"/dashboard/logout\"><input type=\"hidden\" name=\"csrf\" value=\"" + csrf + "\">"
                + "<button type=\"submit\" class=\"secondary\" id=\"logout\">Log out</button></form></div></header>"
                + "<div id=\"flash\" aria-live=\"polite\"></div>"
                + "<main id=\"main\"><noscript><p>The dashboard needs JavaScript; the API works without it "
                + "(see /openapi).</p></noscript></main></body></html>\n";
    }
}
