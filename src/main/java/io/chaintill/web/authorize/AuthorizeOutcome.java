package io.chaintill.web.authorize;

import io.chaintill.application.ApplicationAuthorizations.Authorized;
import io.chaintill.web.Html;
import io.chaintill.web.dashboard.SecurityHeaders;
import jakarta.ws.rs.core.Response;

/** The pages that end an authorization: the key on its way to the application, the key shown once, refusal, error. */
final class AuthorizeOutcome {
    private AuthorizeOutcome() {
    }

    /**
     * BTCPay's "PostRedirect": a form to {@code redirect} with {@code apiKey}, {@code userId} and one
     * {@code permissions[]} per permission, submitted by a same-origin script (the CSP allows no inline one) and by
     * its own button without JavaScript. The page's CSP lets forms go to the application's origin only.
     */
    static Response postToApplication(AuthorizeRequest request, Authorized key) {
        String origin = request.redirectOrigin();
        StringBuilder b = new StringBuilder(1024);
        b.append("<h1>Sending the key to ").append(Html.escape(AuthorizeLayout.applicationName(request))).append("</h1>")
                .append("<form id=\"post-redirect\" method=\"post\" action=\"").append(Html.escape(request.redirect().toString())).append("\">")
                .append(AuthorizeLayout.hidden("apiKey", key.apiKey()))
                .append(AuthorizeLayout.hidden("userId", key.userId()));
        for (String p : key.permissions()) {
            b.append(AuthorizeLayout.hidden("permissions[]", p));
        }
        b.append("<p>If nothing happens, press the button.</p><div class=\"actions\"><button type=\"submit\">Continue to ")
                .append(Html.escape(origin)).append("</button></div></form>");
        String csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action " + origin
                + "; base-uri 'none'; frame-ancestors 'none'";
        return SecurityHeaders.page(Response.ok(AuthorizeLayout.document("Sending the key", b.toString(), "/assets/authorize/post-redirect.js")))
                .header("Content-Security-Policy", null).header("Content-Security-Policy", csp)
                // the application may check where the post came from; it learns our origin, never a path
                .header("Referrer-Policy", null).header("Referrer-Policy", "strict-origin")
                .build();
    }

    /** Without {@code redirect}: the key, once. Only its hash is kept, so this page is the only place it appears. */
    static Response shown(AuthorizeRequest request, Authorized key) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<h1>API key for ").append(Html.escape(AuthorizeLayout.applicationName(request))).append("</h1>")
                .append("<p>Copy the key into the application now: it is not shown again.</p>")
                .append("<p class=\"secret\"><code id=\"api-key\">").append(Html.escape(key.apiKey())).append("</code></p>")
                .append("<p>It may:</p><ul class=\"permissions\">");
        for (String p : key.permissions()) {
            b.append("<li><code>").append(Html.escape(p)).append("</code></li>");
        }
        b.append("</ul><p><a href=\"/dashboard#/api-keys\">Your API keys</a></p>");
        return SecurityHeaders.page(Response.ok(AuthorizeLayout.document("API key", b.toString(), null))).build();
    }

    /** Cancel: as in BTCPay nothing goes to the application; the user is told so. */
    static Response cancelled(AuthorizeRequest request) {
        String app = AuthorizeLayout.applicationName(request);
        String main = "<h1>Not authorized</h1><p id=\"cancelled\">No API key was created; " + Html.escape(app)
                + " received nothing.</p><p><a href=\"/dashboard#/api-keys\">Your API keys</a></p>";
        return SecurityHeaders.page(Response.ok(AuthorizeLayout.document("Not authorized", main, null))).build();
    }

    /** A request that cannot be answered: what is wrong, in words, with the field it concerns. */
    static Response error(int status, String field, String message) {
        String main = "<h1>This authorization request cannot be used</h1><p class=\"form-error\" role=\"alert\" id=\"authorize-error\">"
                + (field == null ? "" : "<code>" + Html.escape(field) + "</code>: ") + Html.escape(message) + "</p>"
                + "<p>Nothing was created. Go back to the application and try again, or tell its maker.</p>";
        return SecurityHeaders.page(Response.status(status).entity(AuthorizeLayout.document("Authorization refused", main, null))).build();
    }
}
