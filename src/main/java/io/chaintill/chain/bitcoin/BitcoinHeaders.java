package io.chaintill.chain.bitcoin;

import io.chaintill.chain.integrity.BlockHeader;
import java.time.Instant;
import java.util.HexFormat;

/** Reads the parts of Bitcoin's 80-byte header the integrity checks need; the rules are {@link BitcoinHeaderRules}'. */
final class BitcoinHeaders {
    private BitcoinHeaders() {
    }

    /** The header as served for {@code hash}; its height is filled in by whoever asked for it by height. */
    static BlockHeader parse(byte[] raw, String hash) {
        if (raw.length != 80) {
            throw new IllegalArgumentException("a Bitcoin header is 80 bytes, not " + raw.length);
        }
        byte[] previous = new byte[32];
        for (int i = 0; i < 32; i++) {
            previous[i] = raw[4 + 31 - i];
        }
        long time = (raw[68] & 0xffL) | (raw[69] & 0xffL) << 8 | (raw[70] & 0xffL) << 16 | (raw[71] & 0xffL) << 24;
        return new BlockHeader(-1, hash, HexFormat.of().formatHex(previous), Instant.ofEpochSecond(time), raw);
    }
}
