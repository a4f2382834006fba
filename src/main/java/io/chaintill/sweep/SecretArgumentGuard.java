package io.chaintill.sweep;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.web3j.crypto.MnemonicUtils;

/**
 * Refuses wallet secrets on the command line before anything else happens: arguments end up in shell
 * history and are visible to every user through ps. Recognizes a BIP39 mnemonic (12 or more words of the
 * English list, quoted as one argument or spread over consecutive arguments), an extended private key and a
 * raw 64-hex private key. The answer describes where the secret was, never the secret itself.
 */
public final class SecretArgumentGuard {
    static final int MIN_MNEMONIC_WORDS = 12;
    private static final Pattern EXTENDED_PRIVATE = Pattern.compile("[xyztuv]prv[1-9A-HJ-NP-Za-km-z]{50,}");
    private static final Pattern RAW_PRIVATE = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final Set<String> WORDS = new HashSet<>(MnemonicUtils.getWords());

    public static final String ADVICE = "pass it on stdin or with --secret-file; arguments show up in shell history and ps";

    private SecretArgumentGuard() {
    }

    /** Why the arguments are refused, if one of them looks like a secret. */
    public static Optional<String> check(List<String> args) {
        int wordsInARow = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            // "--option=value" hides the value after the '='
            String value = arg.startsWith("--") && arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg;
            String kind = kindOf(value);
            if (kind != null) {
                return Optional.of("argument " + (i + 1) + " looks like " + kind + ": refused, " + ADVICE);
            }
            wordsInARow = WORDS.contains(value.toLowerCase(Locale.ROOT)) ? wordsInARow + 1 : 0;
            if (wordsInARow >= MIN_MNEMONIC_WORDS) {
                return Optional.of("arguments " + (i + 2 - wordsInARow) + " to " + (i + 1)
                        + " look like the words of a BIP39 mnemonic: refused, " + ADVICE);
            }
        }
        return Optional.empty();
    }

    private static String kindOf(String value) {
        String v = value.strip();
        if (EXTENDED_PRIVATE.matcher(v).matches()) {
            return "an extended private key";
        }
        if (RAW_PRIVATE.matcher(v).matches()) {
            return "a raw private key (64 hex digits)";
        }
        String[] words = v.toLowerCase(Locale.ROOT).split("[\\s,]+");
        if (words.length >= MIN_MNEMONIC_WORDS) {
            long known = java.util.Arrays.stream(words).filter(WORDS::contains).count();
            if (known >= MIN_MNEMONIC_WORDS) {
                return "a BIP39 mnemonic";
            }
        }
        return null;
    }
}
