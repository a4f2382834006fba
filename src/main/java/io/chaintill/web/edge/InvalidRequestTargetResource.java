package io.chaintill.web.edge;

import io.chaintill.json.Json;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers the requests {@link RequestTargetProbe} redirected: a 400 in the same shape the edge proxy rules in
 * deploy/edge answer ({@code {"code":"invalid-path","message":...}}), whatever the method.
 */
@Path("invalid-request-target/{kind}")
public class InvalidRequestTargetResource {

    @GET
    public Response get(@PathParam("kind") String kind) {
        return refuse(kind);
    }

    @POST
    public Response post(@PathParam("kind") String kind) {
        return refuse(kind);
    }

    @PUT
    public Response put(@PathParam("kind") String kind) {
        return refuse(kind);
    }

    @DELETE
    public Response delete(@PathParam("kind") String kind) {
        return refuse(kind);
    }

    @PATCH
    public Response patch(@PathParam("kind") String kind) {
        return refuse(kind);
    }

    @OPTIONS
    public Response options(@PathParam("kind") String kind) {
        return refuse(kind);
    }

    private static Response refuse(String kind) {
        String message = BrokenRequestTarget.bySlug(kind).map(BrokenRequestTarget::message)
                .orElse("The path cannot be parsed.");
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("code", "invalid-path").add("message", message).build().toString())
                .build();
    }
}
