package io.chaintill.application;

/** The addressed thing does not exist, or the caller may not know that it does (HTTP 404). */
public class NotFoundException extends RuntimeException {
    private final String code;

    public NotFoundException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
