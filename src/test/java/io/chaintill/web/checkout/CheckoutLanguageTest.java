package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CheckoutLanguageTest {
    @Test
    void queryWinsOverInvoiceDefaultWhichWinsOverTheBrowser() {
        assertEquals("es", CheckoutLanguage.choose("es", "de", "en-US,en;q=0.9"));
        assertEquals("de", CheckoutLanguage.choose(null, "de-CH", "es"));
        assertEquals("es", CheckoutLanguage.choose(null, null, "es-ES,es;q=0.9,en;q=0.8"));
    }

    @Test
    void unsupportedChoicesFallThroughToTheNextSource() {
        assertEquals("de", CheckoutLanguage.choose("fr", "xx", "fr-FR, de;q=0.5, en;q=0.4"));
        assertEquals("en", CheckoutLanguage.choose("", "", "fr, it"));
    }

    @Test
    void malformedOrMissingInputMeansEnglish() {
        assertEquals("en", CheckoutLanguage.choose(null, null, null));
        assertEquals("en", CheckoutLanguage.choose("<script>", null, ";;;q=x,,"));
        assertEquals("en", CheckoutLanguage.choose("d".repeat(100), null, "x".repeat(1000)));
    }

    @Test
    void acceptLanguageQualityOrderIsRespected() {
        assertEquals("es", CheckoutLanguage.choose(null, null, "de;q=0.2, es;q=0.9"));
    }
}
