package io.chaintill.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Matches path literals case-insensitively, as BTCPay does, by giving them their canonical casing before JAX-RS
 * matches the request. The templates come from the deployed resources' own {@code @Path}s, so a new route needs
 * nothing here. A path with a malformed percent-encoding is a 400 before anything tries to decode it.
 */
@Provider
@PreMatching
public class CaseInsensitivePaths implements ContainerRequestFilter {
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Context
    Configuration configuration;
    private volatile PathCasing casing;

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        if (BAD_ESCAPE.matcher(raw).find()) {
            request.abortWith(ErrorMapper.error(400, "invalid-path", "the path has a malformed percent-encoding"));
            return;
        }
        String base = request.getUriInfo().getBaseUri().getRawPath();
        if (!raw.startsWith(base)) {
            return;
        }
        String relative = raw.substring(base.length());
        String canonical = casing().canonical(relative);
        if (!canonical.equals(relative)) {
            // only the case of letters changed, so the rest of the URI can be kept byte for byte
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + base + canonical + query));
        }
    }

    private PathCasing casing() {
        PathCasing c = casing;
        if (c == null) {
            casing = c = new PathCasing(templates(configuration.getClasses()));
        }
        return c;
    }

    static List<String> templates(Iterable<Class<?>> classes) {
        List<String> out = new ArrayList<>();
        for (Class<?> type : classes) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            out.add(root.value());
            for (Method m : type.getMethods()) {
                Path sub = m.getAnnotation(Path.class);
                if (sub != null) {
                    out.add(root.value() + "/" + sub.value());
                }
            }
        }
        return out;
    }
}
