package io.chaintill.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;

/**
 * Refuses a request body that cannot be read as declared, before any resource tries: a body without a Content-Type
 * (as BTCPay does, 415), an unparsable Content-Type, or a charset this JVM does not know. Reading those failed deep
 * in the framework with a 500.
 */
@Provider
@PreMatching
public class ContentTypeFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null || header.isBlank()) {
            if (request.hasEntity() && request.getLength() != 0) {
                throw new UnsupportedMediaTypeException("a request body needs a Content-Type header (application/json)");
            }
            return;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedMediaTypeException("the Content-Type header cannot be parsed");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            // a body has one concrete type; "*/*" would match any @Consumes and fail inside the resource (form
            // parameters of the login form: 500)
            throw new UnsupportedMediaTypeException("the Content-Type of a body cannot be a wildcard");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !supported(charset)) {
            throw new UnsupportedMediaTypeException("the charset of the Content-Type is not supported; use UTF-8");
        }
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset.trim());
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
