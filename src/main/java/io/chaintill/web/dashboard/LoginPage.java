package io.chaintill.web.dashboard;

import io.chaintill.chain.SecretText;
import io.chaintill.web.Html;

/**
 * The login form, rendered on the server so it works without JavaScript. The typed email is kept after a
 * failure; the error sits next to the field it concerns and is tied to it with aria-describedby.
 */
public final class LoginPage {
    private LoginPage() {
    }

    /**
     * @param email  what was typed (null on first display)
     * @param notice a message above the form (e.g. session ended), or null
     * @param error  the error shown next to the password field, or null
     */
    public static String render(String email, String notice, String error) {
        return render(email, notice, error, null);
    }

    /** @param returnTo where to go after logging in; kept only when it is a local path ({@link ReturnTo}) */
    public static String render(String typedEmail, String notice, String error, String returnTo) {
        // the typed email is shown again for convenience, unless it is a private key pasted in the wrong box
        String email = typedEmail != null && SecretText.containsSecret(typedEmail) ? null : typedEmail;
        StringBuilder b = new StringBuilder(2048);
        b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Log in · ChainTill</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/dashboard/app.css\"></head><body>")
                .append("<main class=\"login\"><h1>ChainTill</h1>");
        if (notice != null) {
            b.append("<p class=\"flash info\" role=\"status\">").append(Html.escape(notice)).append("</p>");
        }
        b.append("<form class=\"panel\" method=\"post\" action=\"/dashboard/login\" novalidate>");
        ReturnTo.local(returnTo).ifPresent(r -> b.append("<input type=\"hidden\" name=\"returnTo\" value=\"")
                .append(Html.escape(r)).append("\">"));
        b.append("<div class=\"field\"><label for=\"email\">Email</label>")
                .append("<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"username\" required")
                .append(error == null ? " autofocus" : "")
                .append(" value=\"").append(Html.escape(email == null ? "" : email)).append("\"></div>");
        b.append("<div class=\"field").append(error == null ? "" : " invalid").append("\">")
                .append("<label for=\"password\">Password</label>")
                .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required");
        if (error != null) {
            b.append(" autofocus aria-invalid=\"true\" aria-describedby=\"password-error\">")
                    .append("<p class=\"error\" id=\"password-error\" role=\"alert\">").append(Html.escape(error)).append("</p>");
        } else {
            b.append(">");
        }
        b.append("</div>");
        b.append("<div class=\"actions\"><button type=\"submit\">Log in</button></div></form>")
                .append("<p class=\"muted\">No account yet? The first user is created with <code>POST /api/v1/users</code>.</p>")
                .append("</main></body></html>\n");
        return b.toString();
    }
}
