package io.chaintill.api;

import io.chaintill.web.dashboard.CsrfTokens;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A 401 normally challenges for HTTP Basic, and a browser answers such a challenge to fetch() with its own
 * password dialog. The dashboard (recognised by the X-CSRF-Token header it sends on every call) handles an
 * ended session itself, by going to its login form: it gets a challenge for a scheme browsers do not prompt for.
 */
@Provider
public class SessionChallengeFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401 && request.getHeaderString(CsrfTokens.HEADER) != null) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Session realm=\"ChainTill\", login=\"/dashboard/login\"");
        }
    }
}
