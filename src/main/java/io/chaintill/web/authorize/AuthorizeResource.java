package io.chaintill.web.authorize;

import io.chaintill.application.AccessDeniedException;
import io.chaintill.application.ApplicationAuthorizations;
import io.chaintill.application.ApplicationAuthorizations.Application;
import io.chaintill.application.ApplicationAuthorizations.Authorized;
import io.chaintill.application.Caller;
import io.chaintill.application.DashboardSessions;
import io.chaintill.application.SessionLogin;
import io.chaintill.application.StoreService;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.access.ApplicationGrant;
import io.chaintill.web.dashboard.CsrfTokens;
import io.chaintill.web.dashboard.RequestSource;
import io.chaintill.web.dashboard.SecurityHeaders;
import io.chaintill.web.dashboard.SessionCookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * BTCPay's interactive key authorization ({@code /api-keys/authorize}): an application sends the user here, the
 * user (logged in to the dashboard) sees what is asked and approves or cancels; on approval a key is made and posted
 * to the application's {@code redirect}, or shown once. The approval form is a dashboard form: same origin and the
 * session's CSRF token.
 */
@Path("api-keys/authorize")
@RequestScoped
public class AuthorizeResource {
    /**
     * Ten times what the WooCommerce plugin sends, and small enough that the login's return-to URL (this query
     * encoded once more) stays under the HTTP listener's 8 KiB request-header limit.
     */
    static final int MAX_QUERY = 4_096;

    @Inject
    DashboardSessions sessions;
    @Inject
    ApplicationAuthorizations authorizations;
    @Inject
    StoreService stores;
    @Context
    HttpServletRequest servlet;
    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    /** Checks the request first (a broken one is refused before anyone logs in), then asks for a login if needed. */
    @GET
    public Response ask() {
        String query = uri.getRequestUri().getRawQuery();
        if (query != null && query.length() > MAX_QUERY) {
            return AuthorizeOutcome.error(414, null, "the request is longer than " + MAX_QUERY + " characters");
        }
        AuthorizeRequest request;
        try {
            request = AuthorizeRequest.parse(uri.getQueryParameters());
        } catch (InvalidInputException e) {
            return AuthorizeOutcome.error(400, e.field(), e.getMessage());
        }
        Optional<SessionLogin> login = sessions.resolve(SessionCookie.value(headers));
        if (login.isEmpty()) {
            return toLogin(request);
        }
        Caller caller = Caller.withPassword(login.get().user());
        ApplicationGrant previous = authorizations.reusable(caller, application(request), request.permissions(),
                request.strict(), request.selectiveStores()).orElse(null);
        return consent(200, caller, login.get(), request, Set.copyOf(request.permissions()), Set.of(), previous, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(MultivaluedMap<String, String> form) {
        AuthorizeRequest request;
        try {
            request = AuthorizeRequest.parse(form);
        } catch (InvalidInputException e) {
            return AuthorizeOutcome.error(400, e.field(), e.getMessage());
        }
        Optional<SessionLogin> login = sessions.resolve(SessionCookie.value(headers));
        if (login.isEmpty()) {
            return toLogin(request);
        }
        if (!RequestSource.sameOrigin(servlet) || !CsrfTokens.matches(login.get().csrfToken(), form.getFirst("csrf"))) {
            return AuthorizeOutcome.error(403, "csrf", "this approval did not come from the authorization page; open it again from the application");
        }
        Caller caller = Caller.withPassword(login.get().user());
        String command = form.getFirst("command");
        try {
            return switch (command == null ? "" : command) {
                case "cancel" -> AuthorizeOutcome.cancelled(request);
                case "approve" -> approve(caller, login.get(), request, form);
                case "renew" -> renew(caller, login.get(), request);
                default -> AuthorizeOutcome.error(400, "command", "must be approve, renew or cancel");
            };
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    private Response approve(Caller caller, SessionLogin login, AuthorizeRequest request, MultivaluedMap<String, String> form) {
        Set<String> granted = new LinkedHashSet<>(request.permissions());
        if (!request.strict()) {
            granted.retainAll(form.getOrDefault("grant", List.of()));
        }
        boolean perStore = request.selectiveStores() && request.asksForStorePermission();
        List<String> chosen = form.getOrDefault("storeId", List.of());
        List<AuthorizePage.StoreChoice> choices = choices(caller);
        if (chosen.size() > choices.size() || !chosen.stream().allMatch(id -> choices.stream().anyMatch(c -> c.id().equals(id)))) {
            return AuthorizeOutcome.error(400, "storeId", "is not one of your stores");
        }
        String missing = granted.isEmpty() ? "Keep at least one permission, or cancel."
                : perStore && chosen.isEmpty() ? "Choose at least one store, or cancel." : null;
        if (missing != null) {
            return consent(422, caller, login, request, granted, Set.copyOf(chosen), null, missing);
        }
        List<String> permissions = granted.stream()
                .flatMap(p -> perStore && p.indexOf(':') < 0 && ApplicationGrant.storePolicy(p)
                        ? chosen.stream().map(s -> p + ":" + s) : Stream.of(p))
                .toList();
        return deliver(request, authorizations.authorize(caller, request.applicationName(), permissions, application(request)));
    }

    /** The application came back and its earlier key still fits: a new key with the same permissions. */
    private Response renew(Caller caller, SessionLogin login, AuthorizeRequest request) {
        Optional<ApplicationGrant> previous = authorizations.reusable(caller, application(request), request.permissions(),
                request.strict(), request.selectiveStores());
        if (previous.isEmpty()) {
            return consent(409, caller, login, request, Set.copyOf(request.permissions()), Set.of(), null,
                    "The earlier key is gone (revoked meanwhile). Choose again.");
        }
        return deliver(request, authorizations.renew(caller, request.applicationName(), previous.get(), application(request)));
    }

    private static Response deliver(AuthorizeRequest request, Authorized key) {
        return request.redirect() != null ? AuthorizeOutcome.postToApplication(request, key) : AuthorizeOutcome.shown(request, key);
    }

    private Response consent(int status, Caller caller, SessionLogin login, AuthorizeRequest request, Set<String> granted,
            Set<String> chosen, ApplicationGrant previous, String error) {
        AuthorizePage.View view = new AuthorizePage.View(request, login.user().email(), login.csrfToken(), choices(caller),
                granted, chosen, previous, error);
        return SecurityHeaders.page(Response.status(status).entity(AuthorizePage.render(view))).build();
    }

    private List<AuthorizePage.StoreChoice> choices(Caller caller) {
        return stores.list(caller).stream().map(s -> new AuthorizePage.StoreChoice(s.id(), s.settings().name())).toList();
    }

    private static Application application(AuthorizeRequest request) {
        return new Application(request.applicationIdentifier(), request.redirect() == null ? null : request.redirect().toString());
    }

    /** To the dashboard login, which brings the user back to this same request afterwards. */
    private static Response toLogin(AuthorizeRequest request) {
        return Response.seeOther(URI.create("/dashboard/login?returnTo=" + URLEncoder.encode(request.localUrl(), StandardCharsets.UTF_8)))
                .header("Cache-Control", "no-store").build();
    }

    /** What making the key refused (a permission the user does not hold, a bad name), as a page; anything else is a bug. */
    private static Response refusal(RuntimeException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException v) {
                return AuthorizeOutcome.error(422, v.field(), v.getMessage());
            }
            if (t instanceof AccessDeniedException) {
                return AuthorizeOutcome.error(403, "permissions", t.getMessage());
            }
        }
        throw error;
    }
}
