package io.chaintill.api;

/** A request body in a form the server cannot read (HTTP 415). */
public class UnsupportedMediaTypeException extends RuntimeException {
    public UnsupportedMediaTypeException(String message) {
        super(message);
    }
}
