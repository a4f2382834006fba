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
     * False when the browser says the form was posted from another site (an Origin header naming another host, or
     * "null", which a page can make its browser send). Browsers send Origin on every cross-site POST, so an absent
     * header means a non-browser client.
     */
    public static boolean sameOrigin(HttpServletRequest request) {
        String host = request.getHeader("X-Forwarded-Host");
        return sameOrigin(request.getHeader("Origin"), host == null || host.isBlank() ? request.getHeader("Host") : host);
    }

    static boolean sameOrigin(String origin, String host) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            URI o = URI.create(origin.trim());
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host != null && o.getHost() != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
