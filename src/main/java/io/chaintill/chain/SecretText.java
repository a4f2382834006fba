package io.chaintill.chain;

import java.util.HashSet;
import java.util.Set;
import org.bitcoinj.base.Base58;
import org.bitcoinj.crypto.MnemonicCode;

/**
 * Finds private key material anywhere inside free text (a store name, a label, invoice metadata), so that a key
 * pasted into the wrong box is refused rather than stored and shown. Stricter than {@link SecretMaterialGuard}
 * (which judges a field that should hold a public key): ordinary text must pass, so only shapes that text does
 * not take by chance count: an extended private key, a WIF key with a valid checksum, a 64-digit hex run, and 12
 * or more BIP39 words in a row (English prose always has words such as "the" or "and" that BIP39 lacks).
 * One linear pass per shape, no backtracking regular expressions: safe on a 1 MiB body.
 */
public final class SecretText {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int MIN_SEED_WORDS = 12;
    private static final Set<String> BIP39 = new HashSet<>(MnemonicCode.INSTANCE.getWordList());

    private SecretText() {
    }

    public static boolean containsSecret(String text) {
        return text.length() >= 40 && (extendedPrivateKey(text) || wif(text) || hexKey(text) || seedWords(text));
    }

    /** xprv, yprv, zprv, tprv, uprv, vprv (and upper-case multisig forms) at a token start, 20+ Base58 after. */
    private static boolean extendedPrivateKey(String s) {
        for (int i = s.indexOf("prv"); i >= 0; i = s.indexOf("prv", i + 1)) {
            if (i == 0 || "xyztuvXYZUV".indexOf(s.charAt(i - 1)) < 0 || (i >= 2 && base58(s.charAt(i - 2)))) {
                continue;
            }
            int end = i + 3;
            while (end < s.length() && base58(s.charAt(end))) {
                end++;
            }
            if (end - i - 3 >= 20) {
                return true;
            }
        }
        return false;
    }

    /** A Base58 run of 51 or 52 characters that decodes, checksum and all, to a WIF private key. */
    private static boolean wif(String s) {
        int i = 0;
        while (i < s.length()) {
            if (!base58(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && base58(s.charAt(i))) {
                i++;
            }
            int length = i - start;
            if ((length == 51 || length == 52) && "59KLc".indexOf(s.charAt(start)) >= 0 && decodesAsWif(s.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean decodesAsWif(String candidate) {
        try {
            byte[] payload = Base58.decodeChecked(candidate);
            int version = payload[0] & 0xff;
            boolean compressed = payload.length == 34 && payload[33] == 1;
            return (version == 0x80 || version == 0xef) && (payload.length == 33 || compressed);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Exactly 64 hex digits in a row (a raw secp256k1 private key, with or without 0x). */
    private static boolean hexKey(String s) {
        int run = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128) {
                run++;
            } else {
                if (run == 64) {
                    return true;
                }
                run = 0;
            }
        }
        return false;
    }

    /** Twelve or more consecutive words of the BIP39 English list, whatever separates them. */
    private static boolean seedWords(String s) {
        int inARow = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!asciiLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && asciiLetter(s.charAt(i))) {
                i++;
            }
            String word = s.substring(start, i).toLowerCase(java.util.Locale.ROOT);
            inARow = word.length() <= 8 && BIP39.contains(word) ? inARow + 1 : 0;
            if (inARow >= MIN_SEED_WORDS) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean base58(char c) {
        return c < 128 && BASE58.indexOf(c) >= 0;
    }
}
