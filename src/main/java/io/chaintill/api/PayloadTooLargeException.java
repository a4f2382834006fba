package io.chaintill.api;

/** A request body exceeded the limit (HTTP 413). */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("the request body exceeds " + limit + " bytes");
    }
}
