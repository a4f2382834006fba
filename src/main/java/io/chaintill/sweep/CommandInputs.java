package io.chaintill.sweep;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * What the offline commands (sweep, payouts) read besides their options, the same way for both: the API key from
 * CHAINTILL_API_KEY or --api-key-file, the wallet secret from --secret-file or stdin (a hidden prompt on a
 * terminal), never from an argument, and the BIP39 passphrase from --passphrase-file.
 */
final class CommandInputs {
    static final int MAX_SECRET_BYTES = 4096;

    private final String command;
    private final InputStream stdin;
    private final Console console;
    private final PrintStream err;
    private final Map<String, String> env;

    CommandInputs(String command, InputStream stdin, Console console, PrintStream err, Map<String, String> env) {
        this.command = command;
        this.stdin = stdin;
        this.console = console;
        this.err = err;
        this.env = env;
    }

    /** {@code permissions} names what the key needs, for the error when none is given. */
    String apiKey(Path apiKeyFile, String permissions) {
        if (apiKeyFile != null) {
            String key = readSmallFile(apiKeyFile, "--api-key-file").strip();
            if (key.isEmpty()) {
                throw new SweepException("--api-key-file: " + apiKeyFile + " is empty");
            }
            return key;
        }
        String key = env.get("CHAINTILL_API_KEY");
        if (key == null || key.isBlank()) {
            throw new SweepException("no API key: set CHAINTILL_API_KEY or pass --api-key-file (a key with "
                    + permissions + " on the store)");
        }
        return key.strip();
    }

    /** The wallet secret from --secret-file, else stdin (hidden prompt on a terminal). */
    String secret(Path secretFile) {
        if (secretFile != null) {
            warnIfOthersCanRead(secretFile, "--secret-file");
            return readSmallFile(secretFile, "--secret-file");
        }
        if (console != null) { // JDK 17: a console exists only when stdin and stdout are a terminal
            char[] typed = console.readPassword("wallet mnemonic or account xprv (not shown): ");
            if (typed == null) {
                throw new SweepException("no wallet secret given");
            }
            String s = new String(typed);
            Arrays.fill(typed, ' ');
            return s;
        }
        try {
            byte[] bytes = stdin.readNBytes(MAX_SECRET_BYTES + 1);
            if (bytes.length > MAX_SECRET_BYTES) {
                throw new SweepException("stdin holds more than " + MAX_SECRET_BYTES + " bytes: expected only the wallet secret");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SweepException("cannot read the wallet secret from stdin: " + e.getMessage());
        }
    }

    String passphrase(Path passphraseFile) {
        if (passphraseFile == null) {
            return "";
        }
        warnIfOthersCanRead(passphraseFile, "--passphrase-file");
        // only the line break an editor adds is dropped: spaces may be part of a BIP39 passphrase
        return readSmallFile(passphraseFile, "--passphrase-file").replaceAll("\\R\\z", "");
    }

    static String readSmallFile(Path file, String option) {
        try {
            if (Files.size(file) > MAX_SECRET_BYTES) {
                throw new SweepException(option + ": " + file + " is larger than " + MAX_SECRET_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SweepException(option + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void warnIfOthersCanRead(Path file, String option) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.GROUP_READ)) {
                err.println(command + ": warning: " + option + " " + file + " is readable by other users (chmod 600 it)");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }
}
