package io.chaintill.web.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/** Facts about where a browser request came from: over https or not, the client address, same origin or not. */
public final class RequestSource {
    private RequestSource() {
    }

    /** https directly, or behind a TLS-terminating proxy that says so. */
    public static boolean https(HttpServletRequest request) {
        return "https".equalsIgnoreCase(request.getScheme()) || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    /** The peer, or behind a trusted load balancer (chaintill.http.trusted-proxies) the client it forwarded. */
    public static String clientAddress(HttpServletRequest request) {
        String a = request.getRemoteAddr();
        return a == null ? "unknown" : ForwardedFor.client(a, request.getHeader("X-Forwarded-For"), trustedProxies());
    }

    private static Set<String> trustedProxies() {
        return ConfigProvider.getConfig().getOptionalValue("chaintill.http.trusted-proxies", String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
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
