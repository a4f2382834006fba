package io.chaintill.api;

import io.chaintill.application.AccessService;
import io.chaintill.application.Caller;
import io.chaintill.application.LoginThrottledException;
import io.chaintill.application.PasswordCheck;
import io.chaintill.application.PasswordLogins;
import io.chaintill.application.UnauthenticatedException;
import io.chaintill.web.dashboard.RequestSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    @Context
    HttpServletRequest servlet;

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
            caller = basic(CDI.current().select(PasswordLogins.class).get(), h.substring(6).trim(), RequestSource.clientAddress(servlet));
        } else {
            throw new UnauthenticatedException("use 'Authorization: token <api key>' or HTTP Basic");
        }
        request.setProperty(CALLER, caller.orElseThrow(() -> new UnauthenticatedException("invalid or revoked credentials")));
    }

    /** Goes through the same throttle as the login form: a locked account or address is a 429 whatever the password. */
    private static Optional<Caller> basic(PasswordLogins passwords, String encoded, String clientAddress) {
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
        PasswordCheck check = passwords.check(decoded.substring(0, colon), decoded.substring(colon + 1), clientAddress);
        if (check instanceof PasswordCheck.Locked l) {
            throw new LoginThrottledException(l.retryAfter(), false);
        }
        if (check instanceof PasswordCheck.Busy) {
            throw new LoginThrottledException(Duration.ofSeconds(1), true);
        }
        return check instanceof PasswordCheck.Accepted a ? Optional.of(Caller.withPassword(a.user())) : Optional.empty();
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
