package io.chaintill.web.dashboard;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where the login sends the user afterwards: a path on this server only ("/api-keys/authorize?..."), so a link
 * cannot use the login page to send someone to another site ("//evil.example", "https://...", "/\evil.example").
 */
public final class ReturnTo {
    static final int MAX = 8_192;

    private ReturnTo() {
    }

    public static Optional<String> local(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX || value.charAt(0) != '/' || value.startsWith("//")
                || value.indexOf('\\') >= 0 || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? Optional.of(value) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The return-to when it is local, else the dashboard. */
    static URI orDashboard(String value) {
        return URI.create(local(value).orElse("/dashboard"));
    }
}
