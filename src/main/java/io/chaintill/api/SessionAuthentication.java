package io.chaintill.api;

import io.chaintill.application.Caller;
import io.chaintill.application.DashboardSessions;
import io.chaintill.application.SessionLogin;
import io.chaintill.json.Json;
import io.chaintill.web.dashboard.CsrfTokens;
import io.chaintill.web.dashboard.SessionCookie;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's way into the API: a valid session cookie makes the caller its user (as a password login
 * would). Because browsers attach cookies on their own, every unsafe method must also carry the session's
 * CSRF token in {@code X-CSRF-Token}, which only the dashboard page can read. Only /api paths accept the
 * cookie; an invalid or expired cookie counts as no credentials at all.
 */
final class SessionAuthentication {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private SessionAuthentication() {
    }

    static void apply(ContainerRequestContext request) {
        String token = request.getCookies().containsKey(SessionCookie.NAME) ? request.getCookies().get(SessionCookie.NAME).getValue() : null;
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        // the pay-button form endpoint takes no caller: a merchant's own cookie must not turn a buyer's form into a 403
        if (token == null || token.isBlank() || !path.startsWith("api/") || path.equalsIgnoreCase("api/v1/invoices")) {
            return;
        }
        Optional<SessionLogin> login = CDI.current().select(DashboardSessions.class).get().resolve(token);
        if (login.isEmpty()) {
            return;
        }
        if (!SAFE.contains(request.getMethod().toUpperCase()) && !CsrfTokens.matches(login.get().csrfToken(),
                request.getHeaderString(CsrfTokens.HEADER))) {
            request.abortWith(Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.createObjectBuilder().add("code", "csrf-token-invalid")
                            .add("message", "a request authenticated by the dashboard session cookie must send the page's CSRF token "
                                    + "in the X-CSRF-Token header").build()).build());
            return;
        }
        request.setProperty(AuthFilter.CALLER, Caller.withPassword(login.get().user()));
    }
}
