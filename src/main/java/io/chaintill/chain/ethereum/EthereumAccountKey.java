package io.chaintill.chain.ethereum;

import io.chaintill.chain.ExtendedKeyBytes;
import io.chaintill.chain.SecretMaterialGuard;
import io.chaintill.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.HDKeyDerivation.PublicDeriveMode;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.web3j.crypto.Keys;

/**
 * A merchant's Ethereum account as HD wallets export it: the extended public key of m/44'/60'/&lt;account&gt;'
 * (written {@code xpub…}; {@code tpub…} is accepted as the same key). Invoice {@code i} is paid to the
 * EIP-55 address of m/44'/60'/&lt;account&gt;'/0/i, the address MetaMask, Ledger and Trezor show as account i+1.
 *
 * <p>Immutable and thread-safe. Only public key material is held; neither messages nor {@link #toString()}
 * repeat the input.
 */
public final class EthereumAccountKey {
    /** The field name the store API maps to its own ({@code config} in Greenfield 2), as for Bitcoin keys. */
    static final String FIELD = "derivationScheme";
    public static final String SECRET_MESSAGE = "This looks like private key material (a private key, xprv or seed words). "
            + "ChainTill only needs the extended PUBLIC key (xpub) of the Ethereum account m/44'/60'/0'; "
            + "never paste private keys or seed words here.";
    static final String NOT_ACCOUNT_LEVEL = "expected the account key m/44'/60'/0' (depth 3)";
    private static final String EXPECTED_FORMAT =
            "expected the extended public key (xpub) of the Ethereum account m/44'/60'/0'";

    private static final int XPUB = 0x0488B21E;
    private static final int TPUB = 0x043587CF;
    private static final int XPRV = 0x0488ADE4;
    private static final int TPRV = 0x04358394;
    private static final Pattern SINGLE_ADDRESS = Pattern.compile("(0[xX])?\\p{XDigit}{40}");
    private static final String KEY_ID_TAG = "chaintill/ethereum-account/v1/";
    private static final ECCurve SECP256K1 = CustomNamedCurves.getByName("secp256k1").getCurve();

    private static final int ACCOUNT_DEPTH = 3;

    private final String canonical;
    private final String keyId;
    /** m/…/0, derived once: each address then costs one public child derivation. */
    private final DeterministicKey receiveChain;

    private EthereumAccountKey(ExtendedKeyBytes xpub, DeterministicKey receiveChain) {
        this.canonical = xpub.toBase58();
        this.keyId = keyIdOf(xpub);
        this.receiveChain = receiveChain;
    }

    public static EthereumAccountKey parse(String input) {
        if (input == null || input.isBlank()) {
            throw invalid("an account key is required: " + EXPECTED_FORMAT);
        }
        String trimmed = input.strip();
        // Checked on the raw text first: a secret with a typo must still be refused as a secret.
        if (SecretMaterialGuard.looksSecret(trimmed)) {
            throw invalid(SECRET_MESSAGE);
        }
        if (SINGLE_ADDRESS.matcher(trimmed).matches()) {
            throw invalid("this is a single address; ChainTill needs the account's extended public key so that every "
                    + "invoice gets its own address: " + EXPECTED_FORMAT);
        }
        ExtendedKeyBytes key = ExtendedKeyBytes.decode(trimmed, FIELD, EXPECTED_FORMAT);
        int version = key.version();
        if (version == XPRV || version == TPRV || key.keyPrefix() == 0) {
            throw invalid(SECRET_MESSAGE);
        }
        if (version != XPUB && version != TPUB) {
            throw invalid("not an Ethereum account key (only xpub or tpub, not ypub/zpub or other prefixes): " + EXPECTED_FORMAT);
        }
        int depth = key.depth();
        if (depth != ACCOUNT_DEPTH) {
            throw invalid(NOT_ACCOUNT_LEVEL + "; this key is at depth " + depth);
        }
        if (!key.childNumber().isHardened()) {
            throw invalid(NOT_ACCOUNT_LEVEL + "; this key's last step is not hardened, so it is not an account key");
        }
        // tpub and xpub of one key give the same addresses: store one form
        ExtendedKeyBytes xpub = key.withVersion(XPUB);
        return new EthereumAccountKey(xpub, xpub.receiveChain(BitcoinNetwork.MAINNET, FIELD, EXPECTED_FORMAT));
    }

    /** The key as {@code xpub…} (a pasted tpub re-encoded), what the store keeps. */
    public String canonical() {
        return canonical;
    }

    /**
     * Hex SHA-256 over a tag and the public key with its chain code: the identity of the address sequence. One
     * namespace for ETH and every token (they share one counter, so no address serves two invoices), and a tag
     * distinct from Bitcoin's so a key pasted for both chains gets two counters.
     */
    public String keyId() {
        return keyId;
    }

    /** The EIP-55 checksummed address of …/0/{@code index}. */
    public String address(int index) {
        if (index < 0) {
            throw new InvalidInputException("index", "must be between 0 and 2147483647");
        }
        byte[] compressed = HDKeyDerivation.deriveChildKeyBytesFromPublic(
                receiveChain, new ChildNumber(index, false), PublicDeriveMode.NORMAL).keyBytes;
        byte[] uncompressed = SECP256K1.decodePoint(compressed).getEncoded(false);
        // Keccak-256 of the 64-byte point without its 0x04 prefix; the address is the last 20 bytes.
        byte[] address = Keys.getAddress(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return Keys.toChecksumAddress(HexFormat.of().formatHex(address));
    }

    public List<String> addresses(int from, int count) {
        if (from < 0) {
            throw new InvalidInputException("index", "must be between 0 and 2147483647");
        }
        if (count < 0 || (long) from + count - 1 > Integer.MAX_VALUE) {
            throw new InvalidInputException("count", "must be zero or more and stay within index 2147483647");
        }
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(address(from + i));
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EthereumAccountKey that && keyId.equals(that.keyId);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    /** Without the key: an xpub reveals every address of the wallet, so it stays out of logs. */
    @Override
    public String toString() {
        return "EthereumAccountKey[keyId=" + keyId + "]";
    }

    private static String keyIdOf(ExtendedKeyBytes key) {
        byte[] tag = KEY_ID_TAG.getBytes(StandardCharsets.US_ASCII);
        byte[] keyMaterial = key.chainCodeAndKey();
        byte[] input = Arrays.copyOf(tag, tag.length + keyMaterial.length);
        System.arraycopy(keyMaterial, 0, input, tag.length, keyMaterial.length);
        return HexFormat.of().formatHex(Sha256Hash.hash(input));
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(FIELD, message);
    }
}
