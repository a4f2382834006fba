package io.chaintill.application;

/** The caller is known but lacks a permission (HTTP 403). */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
