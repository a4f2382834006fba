package io.chaintill.api;

import io.chaintill.application.AccessDeniedException;
import io.chaintill.application.LoginThrottledException;
import io.chaintill.application.NotFoundException;
import io.chaintill.application.UnauthenticatedException;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.InvoiceStateException;
import io.chaintill.domain.payout.PayoutRefusedException;
import io.chaintill.json.Json;
import io.chaintill.rates.DepeggedException;
import io.chaintill.rates.RatesUnavailableException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into Greenfield's error shapes: 422 with [{path, message}] for bad fields,
 * {code, message} otherwise. Nothing unexpected leaks: a 500 carries only a reference to the log line.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof InvalidInputException v) {
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("path", v.field()).add("message", v.getMessage())).build()).build();
        }
        if (e instanceof MalformedJsonException) {
            return error(400, "invalid-json", e.getMessage());
        }
        if (e instanceof UnsupportedMediaTypeException) {
            return error(415, "unsupported-media-type", e.getMessage());
        }
        if (e instanceof PayloadTooLargeException) {
            return error(413, "payload-too-large", e.getMessage());
        }
        if (e instanceof UnauthenticatedException) {
            return Response.fromResponse(error(401, "unauthenticated", e.getMessage()))
                    .header("WWW-Authenticate", "Basic realm=\"ChainTill\"").build();
        }
        if (e instanceof LoginThrottledException t) {
            return Response.fromResponse(t.busy() ? error(503, "server-busy", e.getMessage())
                    : error(429, "too-many-attempts", e.getMessage())).header("Retry-After", t.retryAfterSeconds()).build();
        }
        if (e instanceof AccessDeniedException) {
            return error(403, "missing-permission", e.getMessage());
        }
        if (e instanceof NotFoundException nf) {
            return error(404, nf.code(), e.getMessage());
        }
        if (e instanceof InvoiceStateException) {
            return error(422, "invalid-state", e.getMessage());
        }
        if (e instanceof PayoutRefusedException refused) {
            return error(400, refused.code(), e.getMessage());
        }
        if (e instanceof RatesUnavailableException) {
            return error(503, "rate-unavailable", e.getMessage());
        }
        if (e instanceof DepeggedException) {
            return error(503, "token-depegged", e.getMessage());
        }
        if (e instanceof ServiceUnavailableException busy) {
            // a deliberate refusal (the live checkout cap): the client retries later, so keep its Retry-After
            Response r = error(503, "server-busy", e.getMessage());
            String retry = busy.getResponse().getHeaderString(HttpHeaders.RETRY_AFTER);
            return retry == null ? r : Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, retry).build();
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            if (status < 500) {
                return error(status, "http-" + status, Response.Status.fromStatusCode(status) == null
                        ? "request refused" : Response.Status.fromStatusCode(status).getReasonPhrase());
            }
        }
        String ref = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error, reference " + ref, error);
        return error(500, "server-error", "an unexpected error occurred; reference " + ref);
    }

    /** Containers and CDI interceptors wrap exceptions; the domain cause is what decides the answer. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 10 && t != null; i++) {
            if (t instanceof InvalidInputException || t instanceof AccessDeniedException || t instanceof NotFoundException
                    || t instanceof UnauthenticatedException || t instanceof InvoiceStateException
                    || t instanceof RatesUnavailableException || t instanceof DepeggedException
                    || t instanceof MalformedJsonException
                    || t instanceof PayloadTooLargeException || t instanceof LoginThrottledException
                    || t instanceof UnsupportedMediaTypeException || t instanceof PayoutRefusedException) {
                return t;
            }
            t = t.getCause();
        }
        return e;
    }

    static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("code", code).add("message", message).build()).build();
    }
}
