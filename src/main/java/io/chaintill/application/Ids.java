package io.chaintill.application;

import java.security.SecureRandom;

/**
 * Random public identifiers: unguessable, URL-safe, without look-alike characters. The alphabet is in ASCII order,
 * so {@link #newTimeOrderedId} ids sort by creation time as plain strings.
 */
public final class Ids {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** 22 base58 characters: about 128 bits. */
    public static String newId() {
        return random(new char[22], 0);
    }

    /**
     * 24 base58 characters: the creation time in milliseconds (8 characters, enough for 4,000 years), then 16
     * random ones (about 94 bits). For rows written and updated in bulk (webhook deliveries and their attempts):
     * rows created together share the primary key's B-tree pages, so a batch touches a few pages instead of one
     * each, and H2 writes every page a commit changed. The time is no secret: such rows show it anyway.
     */
    public static String newTimeOrderedId(long epochMillis) {
        char[] out = new char[24];
        long t = epochMillis;
        for (int i = 7; i >= 0; i--) {
            out[i] = ALPHABET[(int) (t % ALPHABET.length)];
            t /= ALPHABET.length;
        }
        return random(out, 8);
    }

    private static String random(char[] out, int from) {
        for (int i = from; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
