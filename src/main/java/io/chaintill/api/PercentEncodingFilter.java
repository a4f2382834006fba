package io.chaintill.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * A query string with broken percent-encoding ({@code ?take=%zz}) is a 400 before any parameter is decoded. The
 * same in the path ({@code /api/v1/stores/%zz}) never gets this far: Payara's connector fails on it while parsing
 * the request line and answers an empty 200 itself (see docs/security-limits.md); the check here is the
 * application's half.
 */
@Provider
@PreMatching
public class PercentEncodingFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        var uri = request.getUriInfo().getRequestUri();
        if (uri.getRawPath() != null && !wellEncoded(uri.getRawPath())) {
            throw new MalformedRequestException("the path has an invalid percent-encoding");
        }
        if (uri.getRawQuery() != null && !wellEncoded(uri.getRawQuery())) {
            throw new MalformedRequestException("the query string has an invalid percent-encoding");
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
