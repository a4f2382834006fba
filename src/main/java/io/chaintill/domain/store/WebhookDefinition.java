package io.chaintill.domain.store;

import io.chaintill.domain.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a merchant configures on a webhook, validated: an absolute http(s) URL, a secret of sane length and the
 * events to send. Whether the URL's host is an allowed target is a network question, checked elsewhere.
 */
public record WebhookDefinition(String url, String secret, boolean enabled, boolean automaticRedelivery,
                                AuthorizedEvents authorizedEvents) {
    public static final int MAX_URL_LENGTH = 2000;
    public static final int MAX_SECRET_LENGTH = 256;

    public WebhookDefinition {
        url = validUrl(url);
        if (secret == null || secret.isEmpty()) {
            throw new InvalidInputException("secret", "must not be empty");
        }
        if (secret.length() > MAX_SECRET_LENGTH) {
            throw new InvalidInputException("secret", "must be at most " + MAX_SECRET_LENGTH + " characters");
        }
        if (authorizedEvents == null) {
            authorizedEvents = AuthorizedEvents.ALL;
        }
    }

    public URI uri() {
        return URI.create(url);
    }

    private static String validUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "is required");
        }
        String trimmed = url.trim();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw new InvalidInputException("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("url", "must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            // Credentials in the URL would be stored and shown in clear; the signature authenticates us instead.
            throw new InvalidInputException("url", "must not contain user credentials");
        }
        return trimmed;
    }
}
