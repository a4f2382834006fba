package io.chaintill.api;

/** A request the server cannot make sense of before reading its body, e.g. a badly encoded path (HTTP 400). */
public class MalformedRequestException extends RuntimeException {
    public MalformedRequestException(String message) {
        super(message);
    }
}
