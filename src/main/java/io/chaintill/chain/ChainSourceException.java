package io.chaintill.chain;

/** The chain source could not answer (node down, timeout, malformed answer); the follower retries later. */
public class ChainSourceException extends RuntimeException {
    public ChainSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChainSourceException(String message) {
        super(message);
    }
}
