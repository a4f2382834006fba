package io.chaintill.web.checkout;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The checkout page's texts in one language, from {@code web/checkout/messages_<lang>.properties} (UTF-8).
 * Placeholders are {0}, {1} ... replaced literally (no MessageFormat: its quote rules break apostrophes).
 */
public final class CheckoutMessages {
    /** Languages with a complete bundle; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "de", "es");
    private static final String BASE = "web.checkout.messages";

    private final String language;
    private final ResourceBundle bundle;

    private CheckoutMessages(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BASE, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A supported language (see {@link CheckoutLanguage}); anything else falls back to English. */
    public static CheckoutMessages of(String language) {
        return new CheckoutMessages(LANGUAGES.contains(language) ? language : LANGUAGES.get(0));
    }

    public String language() {
        return language;
    }

    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key; // visible in tests (CheckoutMessagesTest checks every bundle has every key)
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
