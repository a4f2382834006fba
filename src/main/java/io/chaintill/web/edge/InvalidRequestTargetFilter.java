package io.chaintill.web.edge;

import io.chaintill.json.Json;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers the requests {@link RequestTargetProbe} redirected, whatever their method, headers or body: a 400 in the
 * shape the edge proxy rules in deploy/edge answer ({@code {"code":"invalid-path","message":...}}). First of all
 * filters, since nothing else about such a request matters.
 */
@Provider
@PreMatching
@Priority(500)
public class InvalidRequestTargetFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!path.startsWith(RequestTargetProbe.ROOT)) {
            return;
        }
        String message = BrokenRequestTarget.bySlug(path.substring(RequestTargetProbe.ROOT.length()))
                .map(BrokenRequestTarget::message).orElse("The path cannot be parsed.");
        request.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("code", "invalid-path").add("message", message).build().toString())
                .build());
    }
}
