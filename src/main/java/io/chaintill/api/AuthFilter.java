package io.chaintill.api;

import io.chaintill.application.AccessService;
import io.chaintill.application.Caller;
import io.chaintill.application.UnauthenticatedException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Resolves the caller from {@code Authorization: token <apikey>} (Greenfield) or HTTP Basic (user login), or,
 * without an Authorization header, from the dashboard's session cookie (see {@link SessionAuthentication}).
 * Bad credentials fail here with 401; requests without any are let through, and each endpoint decides
 * whether it needs a caller (see {@link Callers}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {
    static final String CALLER = "chaintill.caller";

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            SessionAuthentication.apply(request);
            return;
        }
        AccessService access = CDI.current().select(AccessService.class).get();
        Optional<Caller> caller;
        String h = header.trim();
        if (startsWithIgnoreCase(h, "token ")) {
            caller = access.byApiKey(h.substring(6).trim());
        } else if (startsWithIgnoreCase(h, "basic ")) {
            caller = basic(access, h.substring(6).trim());
        } else {
            throw new UnauthenticatedException("use 'Authorization: token <api key>' or HTTP Basic");
        }
        request.setProperty(CALLER, caller.orElseThrow(() -> new UnauthenticatedException("invalid or revoked credentials")));
    }

    private static Optional<Caller> basic(AccessService access, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return access.login(decoded.substring(0, colon), decoded.substring(colon + 1)).map(Caller::withPassword);
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
