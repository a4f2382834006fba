package io.chaintill.web.dashboard;

import io.chaintill.application.DashboardSessions;
import io.chaintill.application.LoginOutcome;
import io.chaintill.application.PasswordCheck;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;

/** Dashboard login: a plain HTML form, so it works without JavaScript. */
@Path("dashboard/login")
@RequestScoped
public class LoginResource {
    @Inject
    DashboardSessions sessions;
    @Context
    HttpServletRequest servlet;
    @Context
    HttpHeaders headers;

    @GET
    public Response form(@QueryParam("expired") String expired) {
        if (sessions.resolve(SessionCookie.value(headers)).isPresent()) {
            return Response.seeOther(URI.create("/dashboard")).build();
        }
        String notice = expired != null ? "Your session has ended. Please log in again." : null;
        return SecurityHeaders.page(Response.ok(LoginPage.render(null, notice, null))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("email") String email, @FormParam("password") String password) {
        if (!RequestSource.sameOrigin(servlet)) {
            return SecurityHeaders.page(Response.status(403))
                    .entity(LoginPage.render(email, null, "This form was sent from another site and was refused.")).build();
        }
        LoginOutcome outcome = sessions.login(email, password, RequestSource.clientAddress(servlet));
        if (outcome instanceof LoginOutcome.Success s) {
            return Response.seeOther(URI.create("/dashboard"))
                    .header("Set-Cookie", SessionCookie.set(s.token(), sessions.absolute(), RequestSource.https(servlet)))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        if (outcome instanceof LoginOutcome.Locked l) {
            long seconds = PasswordCheck.retryAfterSeconds(l.retryAfter());
            return SecurityHeaders.page(Response.status(429)).header("Retry-After", seconds)
                    .entity(LoginPage.render(email, null, "Too many failed logins. Try again in " + human(seconds) + ".")).build();
        }
        if (outcome instanceof LoginOutcome.Busy) {
            return SecurityHeaders.page(Response.status(503)).header("Retry-After", 1)
                    .entity(LoginPage.render(email, null, "The server is busy checking other logins. Try again in a moment.")).build();
        }
        return SecurityHeaders.page(Response.status(401))
                .entity(LoginPage.render(email, null, "The email or the password is not correct.")).build();
    }

    static String human(long seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = Duration.ofSeconds(seconds).toMinutes() + (seconds % 60 == 0 ? 0 : 1);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
