package io.chaintill.api;

import io.chaintill.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * An /api error the framework answers without a body (it refuses e.g. an unparsable Content-Type with a bare 400
 * before any filter or exception mapper of ours sees the request) gets our {code, message} body; otherwise the
 * servlet container would fill it with its HTML error page.
 */
@Provider
public class ErrorBodies implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || !request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("api/")) {
            return;
        }
        Response.StatusType known = Response.Status.fromStatusCode(status);
        response.setEntity(Json.createObjectBuilder().add("code", "http-" + status)
                .add("message", known == null ? "request refused" : known.getReasonPhrase()).build(), null,
                MediaType.APPLICATION_JSON_TYPE);
    }
}
