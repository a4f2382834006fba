package io.chaintill.web.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Who may frame the checkout in modal view: {@code chaintill.checkout.frame-ancestors}, a space-separated list of
 * CSP sources ({@code *}, the default: any shop, or origins such as {@code https://shop.example}). A list with
 * anything else in it fails closed ('none', with a warning in the log): a typo must neither inject another
 * directive into the header nor widen the list.
 */
public final class FrameAncestors {
    private static final Logger LOG = Logger.getLogger(FrameAncestors.class.getName());
    private static final Pattern SOURCE = Pattern.compile(
            "\\*|'self'|https?:|https?://(\\*\\.)?[a-z0-9.-]+(:[0-9]{1,5}|:\\*)?");

    private FrameAncestors() {
    }

    /** The directive's value for a configured list. */
    public static String directive(String configured) {
        List<String> kept = new ArrayList<>();
        for (String source : (configured == null ? "" : configured).trim().split("[\\s,]+")) {
            String s = source.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            if (s.isEmpty()) {
                continue;
            }
            if (!SOURCE.matcher(s).matches()) {
                LOG.warning("chaintill.checkout.frame-ancestors: '" + source + "' is not a CSP source such as "
                        + "https://shop.example or *; no site may frame the modal checkout until this is fixed");
                return "'none'";
            }
            kept.add(s);
        }
        return kept.isEmpty() ? "'none'" : String.join(" ", kept);
    }
}
