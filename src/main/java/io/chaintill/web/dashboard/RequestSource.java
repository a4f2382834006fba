package io.chaintill.web.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/** Facts about where a browser request came from: over https or not, the client address, same origin or not. */
public final class RequestSource {
    private RequestSource() {
    }

    /** https directly, or behind a TLS-terminating proxy that says so. */
    public static boolean https(HttpServletRequest request) {
        return "https".equalsIgnoreCase(request.getScheme()) || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    public static String clientAddress(HttpServletRequest request) {
        String a = request.getRemoteAddr();
        return a == null ? "unknown" : a;
    }

    /**
     * False when the browser says the form was posted from another site (Origin header of another host).
     * Browsers send Origin on every cross-site POST, so an absent header means a same-site form or a non-browser.
     */
    public static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return true;
        }
        String host = request.getHeader("X-Forwarded-Host");
        if (host == null || host.isBlank()) {
            host = request.getHeader("Host");
        }
        try {
            URI o = URI.create(origin.trim());
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host != null && authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
