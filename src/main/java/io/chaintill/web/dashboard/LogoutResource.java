package io.chaintill.web.dashboard;

import io.chaintill.application.DashboardSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Dashboard logout: deletes the session row, so the cookie is worthless even if it was copied. */
@Path("dashboard/logout")
@RequestScoped
public class LogoutResource {
    @Inject
    DashboardSessions sessions;
    @Context
    HttpServletRequest servlet;
    @Context
    HttpHeaders headers;

    /** Ends the session. A form post: the CSRF token comes as a hidden field since forms cannot set headers. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam("csrf") String csrf) {
        String token = SessionCookie.value(headers);
        var login = sessions.resolve(token);
        if (login.isPresent() && !CsrfTokens.matches(login.get().csrfToken(), csrf)) {
            return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE).entity("Missing or wrong CSRF token: log out from the dashboard page.").build();
        }
        sessions.logout(token);
        return Response.seeOther(URI.create("/dashboard/login"))
                .header("Set-Cookie", SessionCookie.expire(RequestSource.https(servlet)))
                .header("Cache-Control", "no-store")
                .build();
    }

}
