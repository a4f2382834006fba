package io.chaintill.web.dashboard;

import jakarta.ws.rs.core.Response;

/** Headers every dashboard page carries: a strict CSP (no inline code at all), no framing, no caching. */
public final class SecurityHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static Response.ResponseBuilder page(Response.ResponseBuilder builder) {
        return builder.type("text/html; charset=utf-8")
                .header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                // same-origin rather than no-referrer: under no-referrer Chromium posts forms with "Origin: null",
                // which the login form's cross-site check must refuse
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }
}
