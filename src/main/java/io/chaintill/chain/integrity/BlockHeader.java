package io.chaintill.chain.integrity;

import java.time.Instant;

/**
 * A block header as a source serves it. {@code raw} is the chain's serialized header where ChainTill checks it itself
 * (Bitcoin's 80 bytes), empty otherwise.
 */
public record BlockHeader(int height, String hash, String previousHash, Instant time, byte[] raw) {
    public BlockHeader {
        raw = raw == null ? new byte[0] : raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }
}
