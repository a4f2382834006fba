package io.chaintill.api;

import io.chaintill.application.Caller;
import io.chaintill.application.UnauthenticatedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/** Reads the caller {@link AuthFilter} attached to a request. */
public final class Callers {
    private Callers() {
    }

    public static Optional<Caller> optional(ContainerRequestContext request) {
        return Optional.ofNullable((Caller) request.getProperty(AuthFilter.CALLER));
    }

    public static Caller required(ContainerRequestContext request) {
        return optional(request).orElseThrow(() -> new UnauthenticatedException("this endpoint needs an API key or a login"));
    }
}
