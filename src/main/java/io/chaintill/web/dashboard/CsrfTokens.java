package io.chaintill.web.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Compares a presented CSRF token with the session's in constant time. */
public final class CsrfTokens {
    public static final String HEADER = "X-CSRF-Token";

    private CsrfTokens() {
    }

    public static boolean matches(String expected, String presented) {
        if (expected == null || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
