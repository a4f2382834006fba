package io.chaintill.application;

import java.security.SecureRandom;

/** Random public identifiers: unguessable, URL-safe, without look-alike characters. */
public final class Ids {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** 22 base58 characters: about 128 bits. */
    public static String newId() {
        char[] out = new char[22];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
