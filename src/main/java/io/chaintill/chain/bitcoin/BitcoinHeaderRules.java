package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.integrity.BlockHeader;
import io.chaintill.chain.integrity.HeaderRules;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bitcoin's header rules, checked on the 80 bytes the source serves: the hash is the double SHA-256 of those bytes,
 * the header names its parent, its hash meets the target its bits encode, that target is within the network's
 * proof-of-work limit, and the target only changes where the network retargets (every 2016 blocks on mainnet and
 * signet, never on regtest; testnet's 20-minute minimum-difficulty rule makes any change legal there). A lying source
 * can invent hashes but not work.
 */
public final class BitcoinHeaderRules implements HeaderRules {
    private static final int HEADER_BYTES = 80;
    private static final int RETARGET_INTERVAL = 2016;
    private static final BigInteger MAINNET_LIMIT = new BigInteger(
            "00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 16);
    private static final BigInteger SIGNET_LIMIT = new BigInteger(
            "00000377ae000000000000000000000000000000000000000000000000000000", 16);
    private static final BigInteger REGTEST_LIMIT = new BigInteger(
            "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 16);

    private final ChainNetwork network;

    public BitcoinHeaderRules(ChainNetwork network) {
        this.network = network;
    }

    @Override
    public Optional<String> problem(BlockHeader header, BlockHeader parent) {
        byte[] raw = header.raw();
        if (raw.length != HEADER_BYTES) {
            return Optional.of("header of block " + header.height() + " is " + raw.length + " bytes, not 80");
        }
        String hash = hashOf(raw);
        if (!hash.equals(header.hash())) {
            return Optional.of("header served for block " + header.hash() + " hashes to " + hash);
        }
        String previous = reversedHex(raw, 4, 32);
        if (!previous.equals(parent.hash())) {
            return Optional.of("block " + header.height() + " " + hash + " names parent " + previous
                    + ", not the block " + parent.hash() + " served at height " + parent.height());
        }
        long bits = uint32(raw, 72);
        BigInteger target = target(bits);
        if (target.signum() <= 0 || target.compareTo(limit()) > 0) {
            return Optional.of("block " + header.height() + " " + hash + " claims target bits " + Long.toHexString(bits)
                    + ", outside " + network.id() + "'s proof-of-work limit");
        }
        if (new BigInteger(1, HexFormat.of().parseHex(hash)).compareTo(target) > 0) {
            return Optional.of("block " + header.height() + " " + hash + " does not meet its proof-of-work target (bits "
                    + Long.toHexString(bits) + ")");
        }
        return retargetProblem(header, parent, bits, target);
    }

    private Optional<String> retargetProblem(BlockHeader header, BlockHeader parent, long bits, BigInteger target) {
        byte[] parentRaw = parent.raw();
        if (parentRaw.length != HEADER_BYTES || network == ChainNetwork.TESTNET) {
            return Optional.empty();
        }
        long parentBits = uint32(parentRaw, 72);
        boolean retarget = network != ChainNetwork.REGTEST && header.height() % RETARGET_INTERVAL == 0;
        if (!retarget) {
            return bits == parentBits ? Optional.empty() : Optional.of("block " + header.height() + " changes the target"
                    + " (bits " + Long.toHexString(parentBits) + " -> " + Long.toHexString(bits)
                    + ") outside a retarget height");
        }
        BigInteger old = target(parentBits);
        boolean withinFactorFour = target.compareTo(old.shiftLeft(2)) <= 0 && target.compareTo(old.shiftRight(2)) >= 0;
        return withinFactorFour ? Optional.empty() : Optional.of("block " + header.height()
                + " retargets by more than a factor of four (bits " + Long.toHexString(parentBits) + " -> "
                + Long.toHexString(bits) + ")");
    }

    private BigInteger limit() {
        return switch (network) {
            case MAINNET, TESTNET -> MAINNET_LIMIT;
            case SIGNET -> SIGNET_LIMIT;
            case REGTEST -> REGTEST_LIMIT;
        };
    }

    /** The compact "bits" encoding: a 3-byte mantissa times 256^(exponent - 3); a set sign bit is no valid target. */
    static BigInteger target(long bits) {
        int exponent = (int) (bits >>> 24);
        long mantissa = bits & 0x007fffffL;
        if ((bits & 0x00800000L) != 0) {
            return BigInteger.ZERO;
        }
        BigInteger m = BigInteger.valueOf(mantissa);
        return exponent <= 3 ? m.shiftRight(8 * (3 - exponent)) : m.shiftLeft(8 * (exponent - 3));
    }

    /** Block hash as shown everywhere: double SHA-256, byte-reversed hex. */
    static String hashOf(byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] once = sha.digest(raw);
            byte[] twice = MessageDigest.getInstance("SHA-256").digest(once);
            return reversedHex(twice, 0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String reversedHex(byte[] bytes, int offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = bytes[offset + length - 1 - i];
        }
        return HexFormat.of().formatHex(out);
    }

    private static long uint32(byte[] b, int offset) {
        return (b[offset] & 0xffL) | (b[offset + 1] & 0xffL) << 8 | (b[offset + 2] & 0xffL) << 16
                | (b[offset + 3] & 0xffL) << 24;
    }
}
