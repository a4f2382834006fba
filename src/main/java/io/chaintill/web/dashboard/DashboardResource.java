package io.chaintill.web.dashboard;

import io.chaintill.application.DashboardSessions;
import io.chaintill.application.SessionLogin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/** The dashboard page (and any deep link below it); without a valid session, the login form instead. */
@Path("dashboard")
@RequestScoped
public class DashboardResource {
    @Inject
    DashboardSessions sessions;
    @Context
    HttpHeaders headers;

    @GET
    public Response shell() {
        Optional<SessionLogin> login = sessions.resolve(SessionCookie.value(headers));
        if (login.isEmpty()) {
            return Response.seeOther(URI.create("/dashboard/login")).header("Cache-Control", "no-store").build();
        }
        return SecurityHeaders.page(Response.ok(DashboardShell.render(login.get().user().email(), login.get().csrfToken()))).build();
    }

    @GET
    @Path("{path: (?!login$|logout$).+}")
    public Response deepLink() {
        return shell();
    }
}
