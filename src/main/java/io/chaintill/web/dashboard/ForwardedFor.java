package io.chaintill.web.dashboard;

import java.util.Set;

/**
 * The client address behind a load balancer. Only a proxy named in {@code chaintill.http.trusted-proxies} is
 * believed, and only for the hop it added itself: X-Forwarded-For is read from the right, past trusted proxies,
 * so a client cannot pick its own address (and dodge its login throttle) by sending the header itself.
 */
final class ForwardedFor {
    /** Longer headers are cut from the left: the hops that matter were appended last. */
    static final int MAX_HEADER = 1000;
    private static final int MAX_ADDRESS = 45;

    private ForwardedFor() {
    }

    static String client(String remote, String header, Set<String> trustedProxies) {
        if (!trustedProxies.contains(remote) || header == null || header.isBlank()) {
            return remote;
        }
        String h = header.length() > MAX_HEADER ? header.substring(header.length() - MAX_HEADER) : header;
        String[] hops = h.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!looksLikeAddress(hop)) {
                return remote; // garbage in the chain: the proxy's own address is the only thing known
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }

    private static boolean looksLikeAddress(String hop) {
        return !hop.isEmpty() && hop.length() <= MAX_ADDRESS && hop.chars().allMatch(c -> Character.digit(c, 16) >= 0
                || c == '.' || c == ':');
    }
}
