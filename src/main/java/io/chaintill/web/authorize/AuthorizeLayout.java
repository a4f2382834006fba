package io.chaintill.web.authorize;

import io.chaintill.web.Html;

/** The frame every authorize page shares: the dashboard's style sheet and nothing inline (the CSP forbids it). */
final class AuthorizeLayout {
    private AuthorizeLayout() {
    }

    static String document(String title, String main, String script) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + " · ChainTill</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/dashboard/app.css\">"
                + "<link rel=\"stylesheet\" href=\"/assets/authorize/authorize.css\">"
                + (script == null ? "" : "<script src=\"" + script + "\" defer></script>")
                + "</head><body><main class=\"authorize\">" + main + "</main></body></html>\n";
    }

    /** "WooCommerce", or a neutral name when the application gave none. */
    static String applicationName(AuthorizeRequest request) {
        return request.applicationName() == null ? "An application" : request.applicationName();
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Html.escape(name) + "\" value=\"" + Html.escape(value) + "\">";
    }
}
