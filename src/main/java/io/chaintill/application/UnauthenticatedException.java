package io.chaintill.application;

/** No valid credentials came with a request that needs them (HTTP 401). */
public class UnauthenticatedException extends RuntimeException {
    public UnauthenticatedException(String message) {
        super(message);
    }
}
