package io.chaintill.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * A path with broken percent-encoding ({@code /api/v1/stores/%zz}) is a 400, not whatever matching makes of it
 * (it answered an empty 200).
 */
@Provider
@PreMatching
public class PercentEncodingFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        if (raw != null && !wellEncoded(raw)) {
            throw new MalformedRequestException("the path has an invalid percent-encoding");
        }
    }

    /** Every '%' followed by two hex digits. */
    static boolean wellEncoded(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
