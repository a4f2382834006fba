package io.chaintill.chain;

import java.util.regex.Pattern;

/**
 * Recognises pasted secrets by their shape alone, before any decoding, so that a private key with a
 * typo (bad checksum) is still refused as a secret rather than reported as "garbage" and retried.
 */
public final class SecretMaterialGuard {
    private static final String BASE58 = "[1-9A-HJ-NP-Za-km-z]";

    /**
     * xprv, yprv, zprv, tprv, uprv, vprv and the multisig Yprv/Zprv/Uprv/Vprv, wherever a key starts in the input
     * (e.g. inside a descriptor). Only at a token start: about one valid xpub in 10,000 contains such letters.
     */
    private static final Pattern EXTENDED_PRIVATE_KEY =
            Pattern.compile("(?<!" + BASE58 + ")[xyztuvXYZUV]prv" + BASE58 + "{20,}");

    /** WIF: 5… (51 chars) or K…/L… (52) on mainnet, 9… (51) or c… (52) on test networks. */
    private static final Pattern WIF = Pattern.compile("[59]" + BASE58 + "{50}|[KLc]" + BASE58 + "{51}");

    private static final Pattern RAW_HEX_KEY = Pattern.compile("(0[xX])?\\p{XDigit}{64}");

    // BIP39 uses 12-24 words; counts in between (e.g. 13 with a passphrase word) are refused too.
    private static final int MIN_SEED_WORDS = 12;
    private static final int MAX_SEED_WORDS = 25;

    private SecretMaterialGuard() {
    }

    /** Linear in the input's length whatever it holds, so it may run on any input before length checks. */
    public static boolean looksSecret(String trimmedInput) {
        return EXTENDED_PRIVATE_KEY.matcher(trimmedInput).find()
                || WIF.matcher(trimmedInput).matches()
                || RAW_HEX_KEY.matcher(trimmedInput).matches()
                || looksLikeSeedPhrase(trimmedInput);
    }

    /**
     * Letters-only words separated by whitespace, 12 to 25 of them. A single pass instead of a regular expression:
     * Java's regex engine recurses once per repeated group, so a few thousand short words overflowed the stack.
     */
    private static boolean looksLikeSeedPhrase(String input) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < input.length(); ) {
            int c = input.codePointAt(i);
            if (Character.isLetter(c)) {
                if (!inWord && ++words > MAX_SEED_WORDS) {
                    return false;
                }
                inWord = true;
            } else if (isSpace(c) && words > 0) {
                inWord = false;
            } else {
                return false;
            }
            i += Character.charCount(c);
        }
        return inWord && words >= MIN_SEED_WORDS;
    }

    /** The characters of regex {@code \s}. */
    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
