package io.chaintill.chain.bitcoin;

import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.SegwitAddress;

/**
 * Turns one compressed public key into the address and output script of a script type.
 * Scripts are built by hand (they are a few fixed bytes) so the chain scanner can match outputs
 * without going through address strings.
 */
final class ReceiveOutput {
    private static final byte OP_0 = 0x00;
    private static final byte OP_DUP = 0x76;
    private static final byte OP_HASH160 = (byte) 0xa9;
    private static final byte OP_EQUAL = (byte) 0x87;
    private static final byte OP_EQUALVERIFY = (byte) 0x88;
    private static final byte OP_CHECKSIG = (byte) 0xac;
    private static final byte PUSH_20 = 0x14;

    private ReceiveOutput() {
    }

    static String address(BitcoinScriptType type, byte[] compressedPubKey, BitcoinNetwork network) {
        byte[] pubKeyHash = Hash160.of(compressedPubKey);
        return switch (type) {
            case P2PKH -> LegacyAddress.fromPubKeyHash(network, pubKeyHash).toString();
            case P2WPKH -> SegwitAddress.fromHash(network, pubKeyHash).toString();
            case P2SH_P2WPKH -> LegacyAddress.fromScriptHash(network, Hash160.of(witnessProgram(pubKeyHash))).toString();
        };
    }

    static byte[] scriptPubKey(BitcoinScriptType type, byte[] compressedPubKey) {
        byte[] pubKeyHash = Hash160.of(compressedPubKey);
        return switch (type) {
            case P2PKH -> concat(new byte[] {OP_DUP, OP_HASH160, PUSH_20}, pubKeyHash, new byte[] {OP_EQUALVERIFY, OP_CHECKSIG});
            case P2WPKH -> witnessProgram(pubKeyHash);
            case P2SH_P2WPKH -> concat(new byte[] {OP_HASH160, PUSH_20}, Hash160.of(witnessProgram(pubKeyHash)), new byte[] {OP_EQUAL});
        };
    }

    /** {@code 0 <20-byte key hash>}: the P2WPKH output script, and the P2SH redeem script of nested segwit. */
    private static byte[] witnessProgram(byte[] pubKeyHash) {
        return concat(new byte[] {OP_0, PUSH_20}, pubKeyHash, new byte[0]);
    }

    private static byte[] concat(byte[] head, byte[] middle, byte[] tail) {
        byte[] out = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(middle, 0, out, head.length, middle.length);
        System.arraycopy(tail, 0, out, head.length + middle.length, tail.length);
        return out;
    }
}
