package io.chaintill.chain.bitcoin;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** RIPEMD-160(SHA-256(x)), the 20-byte hash inside P2PKH, P2SH and P2WPKH scripts. */
final class Hash160 {
    private Hash160() {
    }

    static byte[] of(byte[] data) {
        byte[] sha256 = sha256(data);
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        ripemd.update(sha256, 0, sha256.length);
        byte[] out = new byte[20];
        ripemd.doFinal(out, 0);
        return out;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
