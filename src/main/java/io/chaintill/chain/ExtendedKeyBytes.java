package io.chaintill.chain;

import io.chaintill.domain.InvalidInputException;
import java.util.Arrays;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;

/**
 * A BIP32 extended key in its 78-byte serialization: version(4) depth(1) parent fingerprint(4) child number(4)
 * chain code(32) key(33), as the Bitcoin derivation scheme and the Ethereum account key both read it. Errors are
 * {@link InvalidInputException}s on the caller's field, with the caller's description of the expected format.
 *
 * <p>Immutable: the bytes are copied in and out.
 */
public final class ExtendedKeyBytes {
    public static final int SERIALIZED_LENGTH = 78;
    /**
     * 78 bytes plus a 4-byte checksum take at most 112 Base58 characters. Checked before decoding, which is
     * quadratic in the length (a 50,000-character input took 4 s of CPU).
     */
    public static final int MAX_TEXT_LENGTH = 112;
    private static final int DEPTH_OFFSET = 4;
    private static final int CHILD_NUMBER_OFFSET = 9;
    private static final int CHAIN_CODE_OFFSET = 13;
    private static final int KEY_OFFSET = 45;

    private final byte[] payload;

    private ExtendedKeyBytes(byte[] payload) {
        this.payload = payload;
    }

    /** Base58Check-decodes {@code keyText}, which must hold exactly one 78-byte serialized key. */
    public static ExtendedKeyBytes decode(String keyText, String field, String expectedFormat) {
        if (keyText.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException(field, "not a valid extended public key (too long): " + expectedFormat);
        }
        byte[] payload;
        try {
            payload = Base58.decodeChecked(keyText);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field,
                    "not a valid extended public key (wrong characters or checksum): " + expectedFormat);
        }
        if (payload.length != SERIALIZED_LENGTH) {
            throw new InvalidInputException(field, "not a valid extended public key (wrong length): " + expectedFormat);
        }
        return new ExtendedKeyBytes(payload);
    }

    public int version() {
        return readInt(0);
    }

    public int depth() {
        return payload[DEPTH_OFFSET] & 0xff;
    }

    public ChildNumber childNumber() {
        return new ChildNumber(readInt(CHILD_NUMBER_OFFSET));
    }

    /** The first key byte: 0x00 for a private key, 0x02 or 0x03 for a compressed public key. */
    public byte keyPrefix() {
        return payload[KEY_OFFSET];
    }

    /** Chain code followed by key (the last 65 bytes): the key's identity whatever its version or position. */
    public byte[] chainCodeAndKey() {
        return Arrays.copyOfRange(payload, CHAIN_CODE_OFFSET, SERIALIZED_LENGTH);
    }

    /** The same key under another version prefix (xpub for tpub, xpub for ypub, …). */
    public ExtendedKeyBytes withVersion(int version) {
        byte[] copy = payload.clone();
        copy[0] = (byte) (version >>> 24);
        copy[1] = (byte) (version >>> 16);
        copy[2] = (byte) (version >>> 8);
        copy[3] = (byte) version;
        return new ExtendedKeyBytes(copy);
    }

    /** The Base58Check text of these bytes. */
    public String toBase58() {
        byte[] withChecksum = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(Sha256Hash.hashTwice(payload), 0, withChecksum, payload.length, 4);
        return Base58.encode(withChecksum);
    }

    /**
     * The public key m/…/0 below this (public) key, its point decoded now so that an x-coordinate off the curve
     * fails here rather than on each address.
     */
    public DeterministicKey receiveChain(BitcoinNetwork network, String field, String expectedFormat) {
        byte prefix = keyPrefix();
        if (prefix != 0x02 && prefix != 0x03) {
            throw badPublicKey(field, expectedFormat);
        }
        try {
            DeterministicKey account = DeterministicKey.deserialize(network, payload.clone());
            account.getPubKeyPoint();
            return HDKeyDerivation.deriveChildKey(account, ChildNumber.ZERO);
        } catch (RuntimeException e) {
            throw badPublicKey(field, expectedFormat);
        }
    }

    private static InvalidInputException badPublicKey(String field, String expectedFormat) {
        return new InvalidInputException(field, "not a valid extended public key (bad public key): " + expectedFormat);
    }

    private int readInt(int offset) {
        return ((payload[offset] & 0xff) << 24) | ((payload[offset + 1] & 0xff) << 16)
                | ((payload[offset + 2] & 0xff) << 8) | (payload[offset + 3] & 0xff);
    }
}
