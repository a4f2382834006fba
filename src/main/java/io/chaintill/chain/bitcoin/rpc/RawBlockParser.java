package io.chaintill.chain.bitcoin.rpc;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.ProtocolException;

/**
 * Turns getblock-verbosity-0 bytes into a bitcoinj {@link Block}. Parsing the raw block (rather than
 * asking bitcoind for verbosity 2 JSON) is about 3x less data on the wire and keeps amounts in
 * satoshis, never decimals.
 */
public final class RawBlockParser {

    private RawBlockParser() {
    }

    public static Block parse(byte[] raw) {
        try {
            return Block.read(ByteBuffer.wrap(raw));
        } catch (ProtocolException | java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("not a serialized block (" + raw.length + " bytes): " + e.getMessage(), e);
        }
    }

    /** Parses and checks that the bytes really are the block that was asked for. */
    public static Block parse(byte[] raw, String expectedHash) {
        Block block = parse(raw);
        Sha256Hash expected = Sha256Hash.wrap(Objects.requireNonNull(expectedHash, "expectedHash"));
        if (!block.getHash().equals(expected)) {
            throw new IllegalArgumentException("block hash " + block.getHashAsString() + " does not match requested " + expectedHash);
        }
        return block;
    }
}
