package io.chaintill.chain.ethereum;

import static io.chaintill.chain.ethereum.EthereumTestWallets.ABANDON_MNEMONIC;
import static io.chaintill.chain.ethereum.EthereumTestWallets.ABANDON_XPUB;
import static io.chaintill.chain.ethereum.EthereumTestWallets.ANVIL_MNEMONIC;
import static io.chaintill.chain.ethereum.EthereumTestWallets.ANVIL_XPUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.bitcoin.DerivationScheme;
import io.chaintill.domain.InvalidInputException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.Sha256Hash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Bip32ECKeyPair;

class EthereumAccountKeyTest {
    private static final int H = Bip32ECKeyPair.HARDENED_BIT;

    @Test
    void literalXpubsAreTheAccountKeysOfTheirMnemonics() {
        assertEquals(ABANDON_XPUB, EthereumTestWallets.accountXpub(ABANDON_MNEMONIC));
        assertEquals(ANVIL_XPUB, EthereumTestWallets.accountXpub(ANVIL_MNEMONIC));
    }

    @Test
    void bip39TestMnemonicFirstAddress() {
        assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", EthereumAccountKey.parse(ABANDON_XPUB).address(0));
    }

    @Test
    void anvilDevAccounts() {
        assertEquals(List.of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                        "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"),
                EthereumAccountKey.parse(ANVIL_XPUB).addresses(0, 3));
    }

    @Test
    void addressesMatchWeb3jDerivingFromTheSeed() {
        EthereumAccountKey key = EthereumAccountKey.parse(ANVIL_XPUB);
        for (int i : new int[] {3, 9, 100, 2_000_000_000}) {
            Bip32ECKeyPair child = EthereumTestWallets.derive(ANVIL_MNEMONIC, 44 | H, 60 | H, 0 | H, 0, i);
            assertEquals(org.web3j.crypto.Keys.toChecksumAddress(org.web3j.crypto.Keys.getAddress(child)), key.address(i));
        }
    }

    @Test
    void canonicalIsTheXpubAndSurroundingWhitespaceIsIgnored() {
        EthereumAccountKey key = EthereumAccountKey.parse("\n  " + ANVIL_XPUB + " \t");
        assertEquals(ANVIL_XPUB, key.canonical());
        assertEquals(key, EthereumAccountKey.parse(key.canonical()));
    }

    @Test
    void tpubIsTheSameAccount() {
        String tpub = withVersion(ANVIL_XPUB, 0x043587CF);
        assertTrue(tpub.startsWith("tpub"));
        EthereumAccountKey fromTpub = EthereumAccountKey.parse(tpub);
        EthereumAccountKey fromXpub = EthereumAccountKey.parse(ANVIL_XPUB);
        assertEquals(ANVIL_XPUB, fromTpub.canonical());
        assertEquals(fromXpub.keyId(), fromTpub.keyId());
        assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", fromTpub.address(0));
    }

    @Test
    void keyIdsAreStablePerKeyAndApartFromBitcoin() {
        EthereumAccountKey anvil = EthereumAccountKey.parse(ANVIL_XPUB);
        assertTrue(anvil.keyId().matches("[0-9a-f]{64}"), anvil.keyId());
        assertEquals(anvil.keyId(), EthereumAccountKey.parse(ANVIL_XPUB).keyId());
        assertNotEquals(anvil.keyId(), EthereumAccountKey.parse(ABANDON_XPUB).keyId());
        // the same xpub used for Bitcoin counts its addresses elsewhere
        for (String suffix : List.of("", "-[legacy]", "-[p2sh]")) {
            assertNotEquals(DerivationScheme.parse(ANVIL_XPUB + suffix, ChainNetwork.MAINNET).accountKeyId(), anvil.keyId());
        }
    }

    @Test
    void toStringHidesTheKey() {
        assertFalse(EthereumAccountKey.parse(ANVIL_XPUB).toString().contains("xpub"));
    }

    static Stream<Arguments> secrets() {
        String xprv = EthereumTestWallets.accountXprv(ANVIL_MNEMONIC);
        return Stream.of(
                Arguments.of("account xprv", xprv),
                Arguments.of("xprv with a typo", xprv.substring(0, xprv.length() - 1) + (xprv.endsWith("x") ? "y" : "x")),
                Arguments.of("tprv", withVersion(xprv, 0x04358394)),
                Arguments.of("mnemonic", ANVIL_MNEMONIC),
                Arguments.of("mnemonic with odd spacing", "  " + ABANDON_MNEMONIC.replace(" ", "\n ") + " "),
                Arguments.of("hex private key (anvil account 0)",
                        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"),
                Arguments.of("hex private key without 0x", "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"),
                // private key bytes behind public version bytes: still a secret
                Arguments.of("private payload with xpub version", withVersion(xprv, 0x0488B21E)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void secretsAreRefusedWithoutEchoingThem(String name, String secret) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EthereumAccountKey.parse(secret));
        assertEquals("derivationScheme", e.field());
        assertEquals(EthereumAccountKey.SECRET_MESSAGE, e.getMessage());
        for (String part : secret.strip().split("\\s+")) {
            if (part.length() > 8) {
                assertFalse(e.getMessage().contains(part), name);
            }
        }
    }

    static Stream<Arguments> notAccountKeys() {
        Bip32ECKeyPair depth4 = EthereumTestWallets.derive(ANVIL_MNEMONIC, 44 | H, 60 | H, 0 | H, 0);
        Bip32ECKeyPair depth2 = EthereumTestWallets.derive(ANVIL_MNEMONIC, 44 | H, 60 | H);
        Bip32ECKeyPair unhardened = EthereumTestWallets.derive(ANVIL_MNEMONIC, 44 | H, 60 | H, 0);
        return Stream.of(
                Arguments.of(EthereumTestWallets.serialize(depth4, false), "this key is at depth 4"),
                Arguments.of(EthereumTestWallets.serialize(depth2, false), "this key is at depth 2"),
                Arguments.of(EthereumTestWallets.serialize(unhardened, false), "last step is not hardened"));
    }

    @ParameterizedTest
    @MethodSource("notAccountKeys")
    void keysAtOtherLevelsAreRefused(String xpub, String detail) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EthereumAccountKey.parse(xpub));
        assertEquals("derivationScheme", e.field());
        assertTrue(e.getMessage().startsWith("expected the account key m/44'/60'/0' (depth 3); "), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    static Stream<Arguments> garbage() {
        String badChecksum = ANVIL_XPUB.substring(0, ANVIL_XPUB.length() - 1) + (ANVIL_XPUB.endsWith("P") ? "Q" : "P");
        return Stream.of(
                Arguments.of("", "an account key is required"),
                Arguments.of("   ", "an account key is required"),
                Arguments.of(null, "an account key is required"),
                Arguments.of(badChecksum, "wrong characters or checksum"),
                Arguments.of("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "wrong characters or checksum"),
                Arguments.of("not a key", "wrong characters or checksum"),
                Arguments.of(Base58.encode(checked(new byte[40])), "wrong length"),
                Arguments.of(withVersion(ANVIL_XPUB, 0x04B24746), "only xpub or tpub"),
                Arguments.of(withKeyPrefix(ANVIL_XPUB, (byte) 0x05), "bad public key"));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageIsRefusedNamingTheField(String input, String detail) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EthereumAccountKey.parse(input));
        assertEquals("derivationScheme", e.field());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
        assertTrue(input == null || input.isBlank() || !e.getMessage().contains(input.strip()), e.getMessage());
    }

    @Test
    void negativeIndexesAreRefused() {
        EthereumAccountKey key = EthereumAccountKey.parse(ANVIL_XPUB);
        assertEquals("index", assertThrows(InvalidInputException.class, () -> key.address(-1)).field());
        assertEquals("count", assertThrows(InvalidInputException.class, () -> key.addresses(Integer.MAX_VALUE, 2)).field());
    }

    /** The same key bytes under other version bytes, re-checksummed. */
    static String withVersion(String key, int version) {
        byte[] payload = Base58.decodeChecked(key);
        ByteBuffer.wrap(payload).putInt(0, version);
        return Base58.encode(checked(payload));
    }

    private static String withKeyPrefix(String key, byte prefix) {
        byte[] payload = Base58.decodeChecked(key);
        payload[45] = prefix;
        return Base58.encode(checked(payload));
    }

    private static byte[] checked(byte[] payload) {
        byte[] out = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(Sha256Hash.hashTwice(payload), 0, out, payload.length, 4);
        return out;
    }
}
