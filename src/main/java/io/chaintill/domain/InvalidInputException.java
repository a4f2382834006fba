package io.chaintill.domain;

/**
 * A value supplied by a caller is unacceptable. {@code field} is the JSON path of the offending
 * input (e.g. "amount", "checkout.expirationMinutes") so the API can answer 422 naming it.
 * The message must never repeat secret input (keys, seeds) back to the caller.
 */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
