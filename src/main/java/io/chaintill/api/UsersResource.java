package io.chaintill.api;

import io.chaintill.application.AccessService;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.access.User;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Greenfield users: the first one needs no credentials and becomes administrator. */
@Path("api/v1/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {
    @Inject
    AccessService access;
    @Context
    ContainerRequestContext request;

    @POST
    public Response create(String body) {
        JsonInput in = JsonInput.parse(body);
        User user = access.createUser(Callers.optional(request), in.requiredString("email"), in.secret("password"),
                Boolean.TRUE.equals(in.bool("isAdministrator")));
        return Response.status(201).entity(of(user)).build();
    }

    @GET
    @Path("me")
    public JsonObject me() {
        var caller = Callers.required(request);
        if (!caller.holds(Policy.USER_VIEW_PROFILE, null)) {
            throw new io.chaintill.application.AccessDeniedException("this requires the permission btcpay.user.canviewprofile");
        }
        return of(caller.user());
    }

    static JsonObject of(User user) {
        var roles = Json.createArrayBuilder();
        if (user.admin()) {
            roles.add("ServerAdmin");
        }
        return Json.createObjectBuilder()
                .add("id", user.id())
                .add("email", user.email())
                .add("emailConfirmed", true)
                .add("requiresEmailConfirmation", false)
                .add("created", user.createdAt().getEpochSecond())
                .add("roles", roles)
                .build();
    }
}
