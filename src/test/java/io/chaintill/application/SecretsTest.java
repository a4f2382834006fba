package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void passwordHashVerifiesAndWrongPasswordsFail() {
        String hash = Secrets.hashPassword("correct horse battery staple");
        assertTrue(Secrets.verifyPassword("correct horse battery staple", hash));
        assertFalse(Secrets.verifyPassword("correct horse battery stapl", hash));
        assertFalse(Secrets.verifyPassword("Correct horse battery staple", hash));
        assertFalse(Secrets.verifyPassword("", hash));
    }

    @Test
    void hashCarriesAlgorithmIterationsSaltAndKey() {
        String hash = Secrets.hashPassword("pw");
        String[] parts = hash.split("\\$");
        assertEquals(4, parts.length, hash);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(String.valueOf(Secrets.PBKDF2_ITERATIONS), parts[1]);
        assertTrue(Secrets.PBKDF2_ITERATIONS >= 210_000, "OWASP floor");
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertFalse(hash.contains("pw$") || hash.endsWith("pw"), "the password is not in the hash");
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        String a = Secrets.hashPassword("same password");
        String b = Secrets.hashPassword("same password");
        assertNotEquals(a, b);
        assertNotEquals(a.split("\\$")[2], b.split("\\$")[2], "salts differ");
        assertTrue(Secrets.verifyPassword("same password", a));
        assertTrue(Secrets.verifyPassword("same password", b));
    }

    /** Hashes computed independently (Python hashlib.pbkdf2_hmac) keep verifying: stored hashes stay valid. */
    @Test
    void verifiesHashesMadeElsewhereHonouringTheirIterationCount() {
        String lowIterations = "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=";
        assertTrue(Secrets.verifyPassword("correct horse battery staple", lowIterations));
        assertFalse(Secrets.verifyPassword("correct horse battery staple", lowIterations.replace("$1000$", "$1001$")));
        String unicode = "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw==$uge/QUpUNqzW3H+cJYT7K5r1EvzfLpg0OD+P1sdYtw0=";
        assertTrue(Secrets.verifyPassword("pässwörd", unicode), "passwords are UTF-8");
        assertFalse(Secrets.verifyPassword("passwort", unicode));
    }

    @Test
    void unknownHashFormatsDoNotVerify() {
        assertFalse(Secrets.verifyPassword("pw", "plain-pw"));
        assertFalse(Secrets.verifyPassword("pw", "bcrypt$10$AAAA$AAAA"));
        assertFalse(Secrets.verifyPassword("pw", "pbkdf2-sha256$1000$AAAA"));
        assertFalse(Secrets.verifyPassword("pw", ""));
    }

    @Test
    void apiKeysAreFortyLowerHexCharactersAndDistinct() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String k = Secrets.newApiKey();
            assertTrue(k.matches("[0-9a-f]{40}"), k);
            keys.add(k);
        }
        assertEquals(1000, keys.size());
    }

    @Test
    void sha256HexKnownAnswers() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Secrets.sha256Hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256Hex("abc"));
        assertEquals("f0165711145fd4315008feb1f589eb75f63fb382417be0782a1c1cab418bc0c4", Secrets.sha256Hex("é€"));
    }
}
