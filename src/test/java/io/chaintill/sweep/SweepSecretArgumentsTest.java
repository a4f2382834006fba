package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Secrets on the command line are refused before anything else, with advice, and never repeated. */
class SweepSecretArgumentsTest {
    private static final String MNEMONIC = "test test test test test test test test test test test junk";
    private static final String XPRV = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
    private static final String RAW_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private static List<String> base(String... more) {
        List<String> args = new ArrayList<>(List.of("--server", "http://127.0.0.1:8080", "--store", "S1",
                "--method", "ETH-CHAIN", "--to", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "--rpc", "http://127.0.0.1:8545"));
        args.addAll(Arrays.asList(more));
        return args;
    }

    @Test
    void ordinaryArgumentsPass() {
        assertEquals(Optional.empty(), SecretArgumentGuard.check(base("--gas-from-index", "1000000", "--execute")));
        // a few BIP39 words in a store name are not a mnemonic
        assertEquals(Optional.empty(), SecretArgumentGuard.check(base("--store", "apple banana orange")));
    }

    @Test
    void quotedMnemonicIsRefused() {
        String why = SecretArgumentGuard.check(base(MNEMONIC)).orElseThrow();
        assertTrue(why.contains("BIP39 mnemonic") && why.contains("--secret-file") && why.contains("shell history"), why);
        assertFalse(why.contains("junk"), "the secret is not repeated");
    }

    @Test
    void mnemonicSpreadOverArgumentsIsRefused() {
        String why = SecretArgumentGuard.check(base(MNEMONIC.split(" "))).orElseThrow();
        assertTrue(why.contains("arguments 11 to 22"), why);
    }

    @Test
    void mnemonicAsAnOptionValueIsRefused() {
        assertTrue(SecretArgumentGuard.check(base("--secret=" + MNEMONIC)).isPresent());
    }

    @Test
    void extendedAndRawPrivateKeysAreRefused() {
        assertTrue(SecretArgumentGuard.check(base(XPRV)).orElseThrow().contains("extended private key"));
        assertTrue(SecretArgumentGuard.check(base(RAW_KEY)).orElseThrow().contains("raw private key"));
        assertTrue(SecretArgumentGuard.check(base(RAW_KEY.substring(2))).isPresent());
    }

    @Test
    void theCommandRefusesWithExitTwoAndNeverPrintsTheSecret() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SweepCommand(new ByteArrayInputStream(new byte[0]), null, new PrintStream(out, true),
                new PrintStream(err, true), Map.of("CHAINTILL_API_KEY", "k")).run(base(MNEMONIC));
        assertEquals(SweepCommand.REFUSED, code);
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("pass it on stdin or with --secret-file"), printed);
        assertFalse(printed.contains("test test"), printed);
    }
}
