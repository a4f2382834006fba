package io.chaintill.sweep;

/**
 * A reason to stop that the user can act on: the message is printed as is (no stack trace) and names the
 * option or the fact that is wrong. Never carries secret material.
 */
public class SweepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SweepException(String message) {
        super(message);
    }

    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
