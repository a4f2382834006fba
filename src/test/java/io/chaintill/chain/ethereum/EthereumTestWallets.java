package io.chaintill.chain.ethereum;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.Sha256Hash;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * Test wallets from published mnemonics, derived independently of the code under test (web3j's BIP39/BIP32, not
 * bitcoinj), and their account xpubs as a merchant would paste them.
 */
public final class EthereumTestWallets {
    /** BIP39's all-zero-entropy test mnemonic; m/44'/60'/0'/0/0 is 0x9858EfFD232B4033E47d90003D41EC34EcaEda94. */
    public static final String ABANDON_MNEMONIC =
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    /** The mnemonic anvil and Hardhat fund by default; /0/0 is 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266. */
    public static final String ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

    /** The account xpub (m/44'/60'/0') of {@link #ABANDON_MNEMONIC}, as {@link #accountXpub} derives it. */
    public static final String ABANDON_XPUB =
            "xpub6DCoCpSuQZB2jawqnGMEPS63ePKWkwWPH4TU45Q7LPXWuNd8TMtVxRrgjtEshuqpK3mdhaWHPFsBngh5GFZaM6si3yZdUsT8ddYM3PwnATt";
    /** The account xpub (m/44'/60'/0') of {@link #ANVIL_MNEMONIC}. */
    public static final String ANVIL_XPUB =
            "xpub6Ce9NcJvTk36xtLSrJLZqE7wtgA5deCeYs7rSQtreh4cj6ByPtrg9sD7V2FNFLPnf8heNP3FGkeV9qwfzvZNSd54JoNXVsXFYSYwHsnJxqP";

    private static final int XPUB = 0x0488B21E;
    private static final int XPRV = 0x0488ADE4;
    private static final int H = Bip32ECKeyPair.HARDENED_BIT;

    private EthereumTestWallets() {
    }

    public static Bip32ECKeyPair derive(String mnemonic, int... path) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, ""));
        return Bip32ECKeyPair.deriveKeyPair(master, path);
    }

    public static Bip32ECKeyPair account(String mnemonic) {
        return derive(mnemonic, 44 | H, 60 | H, 0 | H);
    }

    public static String accountXpub(String mnemonic) {
        return serialize(account(mnemonic), false);
    }

    public static String accountXprv(String mnemonic) {
        return serialize(account(mnemonic), true);
    }

    /** BIP32 serialization of a web3j key pair, public or private. */
    public static String serialize(Bip32ECKeyPair key, boolean privateKey) {
        ByteBuffer b = ByteBuffer.allocate(78);
        b.putInt(privateKey ? XPRV : XPUB);
        b.put((byte) key.getDepth());
        b.putInt(key.getParentFingerprint());
        b.putInt(key.getChildNumber());
        b.put(key.getChainCode());
        b.put(privateKey ? key.getPrivateKeyBytes33() : key.getPublicKeyPoint().getEncoded(true));
        byte[] payload = b.array();
        byte[] withChecksum = Arrays.copyOf(payload, 82);
        System.arraycopy(Sha256Hash.hashTwice(payload), 0, withChecksum, 78, 4);
        return Base58.encode(withChecksum);
    }
}
