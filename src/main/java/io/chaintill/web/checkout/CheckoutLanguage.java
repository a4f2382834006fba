package io.chaintill.web.checkout;

import java.util.List;
import java.util.Locale;

/**
 * Picks the page language: {@code ?lang=}, else the invoice's defaultLanguage, else the browser's Accept-Language
 * (in its order of preference), else English. Only the primary subtag counts ("de-CH" is German).
 */
public final class CheckoutLanguage {
    private CheckoutLanguage() {
    }

    public static String choose(String query, String invoiceDefault, String acceptLanguage) {
        String q = supported(query);
        if (q != null) {
            return q;
        }
        String d = supported(invoiceDefault);
        if (d != null) {
            return d;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank() && acceptLanguage.length() < 500) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String a = supported(range.getRange());
                    if (a != null) {
                        return a;
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header is ignored, like a missing one
            }
        }
        return CheckoutMessages.LANGUAGES.get(0);
    }

    /** The supported language a tag names, or null. */
    static String supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        String primary = tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        List<String> languages = CheckoutMessages.LANGUAGES;
        return languages.contains(primary) ? primary : null;
    }
}
