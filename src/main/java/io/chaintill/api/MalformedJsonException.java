package io.chaintill.api;

/** The request body is not JSON at all (HTTP 400), as opposed to JSON with a bad field (HTTP 422). */
public class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String message) {
        super(message);
    }
}
