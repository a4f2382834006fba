package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckoutMessagesTest {
    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CheckoutMessagesTest.class.getClassLoader()
                .getResourceAsStream("web/checkout/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
        Properties english = bundle("");
        assertEquals(english, bundle("_en"), "messages.properties is the English fallback");
        for (String lang : CheckoutMessages.LANGUAGES) {
            Properties other = bundle("_" + lang);
            assertEquals(english.stringPropertyNames(), other.stringPropertyNames(), lang);
            for (String key : english.stringPropertyNames()) {
                for (int i = 0; i < 3; i++) {
                    String ph = "{" + i + "}";
                    assertEquals(english.getProperty(key).contains(ph), other.getProperty(key).contains(ph),
                            lang + " " + key + " " + ph);
                }
            }
        }
    }

    @Test
    void everyStateHasAMessage() throws IOException {
        Set<String> keys = bundle("").stringPropertyNames();
        for (CheckoutState s : CheckoutState.values()) {
            assertTrue(keys.contains("state." + s.name()), s.name());
        }
    }

    @Test
    void textsAreReadAsUtf8AndPlaceholdersFilledLiterally() {
        CheckoutMessages de = CheckoutMessages.of("de");
        assertEquals("In der Wallet öffnen", de.get("wallet"));
        assertEquals("Zahlung erkannt, warte auf Bestätigungen (1/2)", de.get("state.seen", 1, 2));
        assertEquals("¡Gracias!", CheckoutMessages.of("es").get("state.paid").substring(8));
        assertEquals("Return to O'Brien's {1}", CheckoutMessages.of("en").get("return", "O'Brien's {1}"));
    }

    @Test
    void unknownLanguageIsEnglish() {
        assertEquals("en", CheckoutMessages.of("fr").language());
        assertFalse(CheckoutMessages.of("xx").get("state.waiting").isEmpty());
    }
}
