package io.chaintill.web.edge;

import java.util.Optional;

/**
 * The two kinds of request path Payara Micro's connector cannot parse: a {@code %} not followed by two hexadecimal
 * digits, and a {@code .} or {@code ..} segment (plain or percent-encoded). Grizzly throws on both before any
 * servlet runs and Payara answers an empty 200, so {@link RequestTargetProbe} looks at the raw path first.
 * No ChainTill URL has either, so both are refused. Checked in one pass, without a regular expression (the
 * path has no length bound yet at this point).
 */
public enum BrokenRequestTarget {
    BAD_ESCAPE("bad-escape", "The path has a percent sign that is not followed by two hexadecimal digits."),
    DOT_SEGMENT("dot-segment", "The path has a . or .. segment.");

    private final String slug;
    private final String message;

    BrokenRequestTarget(String slug, String message) {
        this.slug = slug;
        this.message = message;
    }

    /** The path segment under {@link RequestTargetProbe#ROOT} that answers this kind. */
    public String slug() {
        return slug;
    }

    public String message() {
        return message;
    }

    public static Optional<BrokenRequestTarget> bySlug(String slug) {
        for (BrokenRequestTarget kind : values()) {
            if (kind.slug.equals(slug)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The raw path of a request line, without its query string. */
    public static Optional<BrokenRequestTarget> of(CharSequence rawPath) {
        int segmentStart = 0;
        int dots = 0; // dots seen in the current segment, -1 once it holds anything else
        int length = rawPath.length();
        for (int i = 0; i < length; i++) {
            char c = rawPath.charAt(i);
            if (c == '/') {
                if (dots > 0 && i > segmentStart) {
                    return Optional.of(DOT_SEGMENT);
                }
                segmentStart = i + 1;
                dots = 0;
            } else if (c == '%') {
                if (i + 2 >= length || !hex(rawPath.charAt(i + 1)) || !hex(rawPath.charAt(i + 2))) {
                    return Optional.of(BAD_ESCAPE);
                }
                boolean encodedDot = rawPath.charAt(i + 1) == '2' && (rawPath.charAt(i + 2) | 0x20) == 'e';
                dots = encodedDot && dots >= 0 ? dots + 1 : -1;
                i += 2;
            } else {
                dots = c == '.' && dots >= 0 ? dots + 1 : -1;
            }
            if (dots > 2) {
                dots = -1; // "..." is an ordinary name
            }
        }
        return dots > 0 ? Optional.of(DOT_SEGMENT) : Optional.empty();
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
