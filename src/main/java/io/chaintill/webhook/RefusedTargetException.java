package io.chaintill.webhook;

/** A webhook URL points somewhere the server must not send requests to (loopback, private ranges, metadata ...). */
public class RefusedTargetException extends Exception {
    public RefusedTargetException(String message) {
        super(message);
    }
}
