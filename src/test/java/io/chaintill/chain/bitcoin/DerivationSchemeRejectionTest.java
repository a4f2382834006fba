package io.chaintill.chain.bitcoin;

import static io.chaintill.chain.bitcoin.DerivationSchemeVectorsTest.BIP32_V1_M_0H_XPUB;
import static io.chaintill.chain.bitcoin.DerivationSchemeVectorsTest.BIP44_XPUB;
import static io.chaintill.chain.bitcoin.DerivationSchemeVectorsTest.BIP49_YPUB;
import static io.chaintill.chain.bitcoin.DerivationSchemeVectorsTest.BIP84_ZPUB;
import static io.chaintill.chain.bitcoin.TestWallets.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.SecretMaterialGuard;
import io.chaintill.domain.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DerivationSchemeRejectionTest {
    private static final String SECRET_HINT = "only needs the extended PUBLIC key";
    private static final String BIP32_V1_M_XPRV =
            "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";

    static Stream<Arguments> secrets() {
        String xprv = TestWallets.serialize(account(44, 0), TestWallets.XPRV, true);
        return Stream.of(
                Arguments.of("BIP32 xprv", BIP32_V1_M_XPRV),
                Arguments.of("xprv, last char changed (bad checksum)", breakLastChar(BIP32_V1_M_XPRV)),
                Arguments.of("xprv truncated", BIP32_V1_M_XPRV.substring(0, 60)),
                Arguments.of("xprv with suffix", xprv + "-[p2sh]"),
                Arguments.of("xprv with whitespace", "\n  " + xprv + "\t"),
                Arguments.of("yprv", TestWallets.serialize(account(49, 0), TestWallets.YPRV, true)),
                Arguments.of("zprv", TestWallets.serialize(account(84, 0), TestWallets.ZPRV, true)),
                Arguments.of("tprv", TestWallets.serialize(account(44, 1), TestWallets.TPRV, true)),
                Arguments.of("uprv (BIP49 vector)",
                        "uprv91G7gZkzehuMVxDJTYE6tLivdF8e4rvzSu1LFfKw3b2Qx1Aj8vpoFnHdfUZ3hmi9jsvPifmZ24RTN2KhwB8BfMLTVqaBReibyaFFcTP1s9n"),
                Arguments.of("vprv", TestWallets.serialize(account(84, 1), TestWallets.VPRV, true)),
                Arguments.of("multisig Zprv", TestWallets.serialize(account(48, 0), 0x02AA7A99, true)),
                Arguments.of("WIF compressed (BIP84 vector)", "KyZpNDKnfs94vbrwhJneDi77V6jF64PWPF8x5cdJb8ifgg2DUc9d"),
                Arguments.of("WIF compressed, bad checksum", breakLastChar("KyZpNDKnfs94vbrwhJneDi77V6jF64PWPF8x5cdJb8ifgg2DUc9d")),
                Arguments.of("WIF uncompressed", "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"),
                Arguments.of("WIF testnet (BIP49 vector)", "cULrpoZGXiuC19Uhvykx7NugygA3k86b3hmdCeyvHYQZSxojGyXJ"),
                Arguments.of("64-hex raw key", "c9bdb49cfbaedca21c4b1f3a7803c34636b1d7dc55a717132443fc3f4c5867e8"),
                Arguments.of("64-hex raw key with 0x", "0xC9BDB49CFBAEDCA21C4B1F3A7803C34636B1D7DC55A717132443FC3F4C5867E8"),
                Arguments.of("12-word mnemonic", TestWallets.ABANDON_MNEMONIC),
                Arguments.of("12-word mnemonic, extra spaces", "  " + TestWallets.ABANDON_MNEMONIC.replace(" ", "   ") + "\n"),
                Arguments.of("15-word mnemonic", words(15)),
                Arguments.of("18-word mnemonic", words(18)),
                Arguments.of("21-word mnemonic", words(21)),
                Arguments.of("24-word mnemonic",
                        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon "
                                + "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art"),
                Arguments.of("capitalised mnemonic", "Legal winner thank year wave sausage worth useful legal winner thank yellow"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void secretMaterialIsRefusedWithoutEchoingIt(String description, String secret) {
        for (ChainNetwork network : ChainNetwork.values()) {
            InvalidInputException e = rejected(secret, network);
            assertTrue(e.getMessage().contains(SECRET_HINT), description + ": " + e.getMessage());
            assertNull(e.getCause(), "no cause that could carry the secret");
            assertNoPartOfInput(secret, e.getMessage());
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("spaces", "   ", "required"),
                Arguments.of("garbage", "hello world", "not a valid derivation scheme"),
                Arguments.of("not base58", "xpub0OIl", "not a valid derivation scheme"),
                Arguments.of("short base58", "xpub6BosfCnifzxcFwrSz", "checksum"),
                // The ypub as once pasted into a design brief: same opening, mangled tail.
                Arguments.of("corrupted ypub", "ypub6Ww3ibxVfGzLrAH1PNcjyAWenMTbbAosGNB6VvmSEgytSER9azLDWCxoJwW7Ykm5ESLxVsCAxEDe3o4eRobnrsA7cQqVwZyfQMD", "checksum"),
                Arguments.of("zpub, one char changed", breakLastChar(BIP84_ZPUB), "checksum"),
                Arguments.of("base58check of the wrong length", Base58.encodeChecked(0, new byte[40]), "wrong length"),
                Arguments.of("legacy address", "1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA", "wrong length"),
                Arguments.of("unknown version", withVersion(BIP44_XPUB, 0x01020304), "not a recognised extended key"),
                Arguments.of("public key byte is not 02/03", withKeyPrefix(BIP44_XPUB, (byte) 0x00), "bad public key"),
                Arguments.of("public key byte 04 (uncompressed marker)", withKeyPrefix(BIP44_XPUB, (byte) 0x04), "bad public key"),
                Arguments.of("public key not on the curve", withOffCurveKey(BIP44_XPUB), "bad public key"),
                Arguments.of("unknown suffix", BIP44_XPUB + "-[keeporder]", "unsupported derivation scheme option"),
                Arguments.of("taproot suffix", BIP44_XPUB + "-[taproot]", "taproot"),
                Arguments.of("two suffixes", BIP44_XPUB + "-[p2sh]-[legacy]", "not a valid derivation scheme"),
                Arguments.of("multisig scheme", "2-of-" + BIP44_XPUB + "-" + BIP32_V1_M_0H_XPUB, "multisig"),
                Arguments.of("multisig Zpub", TestWallets.serialize(account(48, 0), 0x02AA7ED3, false), "multisig"),
                Arguments.of("ypub with -[legacy]", BIP49_YPUB + "-[legacy]", "SLIP-132 prefix"),
                Arguments.of("zpub with -[p2sh]", BIP84_ZPUB + "-[p2sh]", "SLIP-132 prefix"),
                Arguments.of("ypub with -[taproot]", BIP49_YPUB + "-[taproot]", "taproot"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedInputIsRefused(String description, String input, String expectedFragment) {
        InvalidInputException e = rejected(input, ChainNetwork.MAINNET);
        assertTrue(e.getMessage().contains(expectedFragment), description + ": " + e.getMessage());
        // Messages may name the option syntax (-[p2sh], -[legacy]); the key itself must not come back.
        assertNoPartOfInput(input.replaceAll("-\\[[a-z]+]", " "), e.getMessage());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\n\t"})
    void emptyInputIsRefused(String input) {
        InvalidInputException e = rejected(input, ChainNetwork.REGTEST);
        assertTrue(e.getMessage().contains("required"), e.getMessage());
    }

    @Test
    void mainnetKeyOnTestNetworksNamesBothNetworks() {
        for (String key : new String[] {BIP44_XPUB, BIP49_YPUB, BIP84_ZPUB + " "}) {
            assertEquals("this is a mainnet key but the server runs on regtest", rejected(key, ChainNetwork.REGTEST).getMessage());
            assertEquals("this is a mainnet key but the server runs on testnet", rejected(key, ChainNetwork.TESTNET).getMessage());
            assertEquals("this is a mainnet key but the server runs on signet", rejected(key, ChainNetwork.SIGNET).getMessage());
        }
    }

    @Test
    void testNetworkKeyOnMainnetNamesBothNetworks() {
        for (int version : new int[] {TestWallets.TPUB, TestWallets.UPUB, TestWallets.VPUB}) {
            String key = TestWallets.pub(account(84, 1), version);
            assertEquals("this is a testnet/signet/regtest key but the server runs on mainnet",
                    rejected(key, ChainNetwork.MAINNET).getMessage());
        }
    }

    @Test
    void privateKeyPrefixInsideAPublicKeyIsNotMistakenForASecret() {
        String embedded = "zpub6rFR7y4Q2Aij" + "xprv" + "BEqTUquhVz398htDFrtymD9xYYfG1m4w";
        assertFalse(SecretMaterialGuard.looksSecret(embedded));
        assertTrue(SecretMaterialGuard.looksSecret("wpkh([d34db33f/84h/0h/0h]" + BIP32_V1_M_XPRV + "/0/*)"));
    }

    @Test
    void secretCheckComesBeforeNetworkCheck() {
        String tprv = TestWallets.serialize(account(84, 1), TestWallets.TPRV, true);
        assertTrue(rejected(tprv, ChainNetwork.MAINNET).getMessage().contains(SECRET_HINT));
    }

    @Test
    void aFiftyThousandCharacterKeyIsRefusedInLinearTime() {
        StringBuilder key = new StringBuilder("xpub");
        java.util.Random random = new java.util.Random(3);
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        while (key.length() < 50_000) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        long t0 = System.nanoTime();
        assertTrue(rejected(key.toString(), ChainNetwork.MAINNET).getMessage().contains("too long"));
        assertTrue(rejected(key.substring(0, 150), ChainNetwork.MAINNET).getMessage().contains("too long"), "key part over 112");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 200, "took " + ms + " ms");
    }

    @Test
    void thousandsOfWordsOrPathSegmentsDoNotOverflowTheStack() {
        assertFalse(SecretMaterialGuard.looksSecret("abc ".repeat(3000).trim()));
        assertFalse(SecretMaterialGuard.looksSecret("abc\t".repeat(300_000).trim()));
        assertTrue(rejected("abc ".repeat(3000), ChainNetwork.MAINNET).getMessage().contains("too long"));
        assertTrue(SecretMaterialGuard.looksSecret("abandon ".repeat(11) + "about"), "12 words still look like a seed");
        assertTrue(SecretMaterialGuard.looksSecret("zoé ".repeat(24).trim()), "non-ASCII letters count as letters");
        assertFalse(SecretMaterialGuard.looksSecret("abandon ".repeat(26).trim()), "more than 25 words is no seed");
        assertFalse(SecretMaterialGuard.looksSecret("abandon ".repeat(11) + "about1"), "a digit makes it no seed");
    }

    private static InvalidInputException rejected(String input, ChainNetwork network) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DerivationScheme.parse(input, network));
        assertEquals("derivationScheme", e.field());
        return e;
    }

    /** Neither the input nor any 8-character stretch of it (per word) may appear in the message. */
    private static void assertNoPartOfInput(String input, String message) {
        String trimmed = input.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        assertFalse(message.contains(trimmed), "message echoes the input");
        for (String token : trimmed.split("\\s+")) {
            for (int i = 0; i + 8 <= token.length(); i++) {
                String window = token.substring(i, i + 8);
                assertFalse(message.contains(window), "message contains input fragment " + window);
            }
            if (token.length() >= 5 && trimmed.contains(" ")) {
                // mnemonic words: none may be repeated back
                assertFalse(message.toLowerCase().contains(token.toLowerCase()), "message contains seed word");
            }
        }
    }

    private static String breakLastChar(String text) {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + (last == 'z' ? 'y' : 'z');
    }

    private static String words(int count) {
        return String.join(" ", java.util.Collections.nCopies(count - 1, "zoo")) + " wrong";
    }

    private static String withVersion(String key, int version) {
        byte[] payload = Base58.decodeChecked(key);
        payload[0] = (byte) (version >>> 24);
        payload[1] = (byte) (version >>> 16);
        payload[2] = (byte) (version >>> 8);
        payload[3] = (byte) version;
        return checked(payload);
    }

    private static String withKeyPrefix(String key, byte prefix) {
        byte[] payload = Base58.decodeChecked(key);
        payload[45] = prefix;
        return checked(payload);
    }

    /** A compressed key whose x-coordinate has no point on secp256k1 (x^3 + 7 is not a square). */
    private static String withOffCurveKey(String key) {
        byte[] payload = Base58.decodeChecked(key);
        for (int x = 1; ; x++) {
            byte[] candidate = new byte[33];
            candidate[0] = 0x02;
            candidate[32] = (byte) x;
            try {
                ECKey.ecDomainParameters().getCurve().decodePoint(candidate);
            } catch (IllegalArgumentException offCurve) {
                System.arraycopy(candidate, 0, payload, 45, 33);
                return checked(payload);
            }
        }
    }

    private static String checked(byte[] payload) {
        byte[] withChecksum = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(Sha256Hash.hashTwice(payload), 0, withChecksum, payload.length, 4);
        return Base58.encode(withChecksum);
    }
}
