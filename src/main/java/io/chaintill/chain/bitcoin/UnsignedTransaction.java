package io.chaintill.chain.bitcoin;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.base.Sha256Hash;

/**
 * The transaction inside a PSBT: inputs without scripts or witnesses, serialized the pre-segwit way (BIP 174 demands
 * it), so its txid is the final transaction's when every input is segwit.
 */
public record UnsignedTransaction(int version, List<Input> inputs, List<Output> outputs, long lockTime) {
    /** Opts in to replacement (BIP 125), so a payout batch stuck at a low fee can be bumped. */
    public static final long SEQUENCE_RBF = 0xfffffffdL;
    private static final int MAX_ITEMS = 10_000;

    /** {@code txid} in the usual (displayed, byte-reversed) hex. */
    public record Input(String txid, int vout, long sequence) {
        public String outpoint() {
            return txid + ":" + vout;
        }
    }

    public record Output(long value, byte[] script) {
        public String scriptHex() {
            return HexFormat.of().formatHex(script);
        }
    }

    public UnsignedTransaction {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public byte[] serialize() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompactSize.littleEndian(out, version, 4);
        CompactSize.write(out, inputs.size());
        for (Input in : inputs) {
            out.writeBytes(reversed(HexFormat.of().parseHex(in.txid())));
            CompactSize.littleEndian(out, in.vout(), 4);
            out.write(0);
            CompactSize.littleEndian(out, in.sequence(), 4);
        }
        CompactSize.write(out, outputs.size());
        for (Output o : outputs) {
            CompactSize.littleEndian(out, o.value(), 8);
            CompactSize.write(out, o.script().length);
            out.writeBytes(o.script());
        }
        CompactSize.littleEndian(out, lockTime, 4);
        return out.toByteArray();
    }

    public String txid() {
        return HexFormat.of().formatHex(reversed(Sha256Hash.hashTwice(serialize())));
    }

    public static UnsignedTransaction parse(byte[] raw) {
        ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int version = in.getInt();
            long inputCount = CompactSize.read(in);
            if (inputCount == 0) {
                throw new IllegalArgumentException("not an unsigned transaction: no inputs (or a segwit serialization)");
            }
            List<Input> inputs = new ArrayList<>();
            for (long i = 0; i < bounded(inputCount); i++) {
                byte[] hash = new byte[32];
                in.get(hash);
                int vout = in.getInt();
                if (CompactSize.read(in) != 0) {
                    throw new IllegalArgumentException("not an unsigned transaction: input " + i + " has a script");
                }
                inputs.add(new Input(HexFormat.of().formatHex(reversed(hash)), vout, in.getInt() & 0xffffffffL));
            }
            long outputCount = CompactSize.read(in);
            List<Output> outputs = new ArrayList<>();
            for (long i = 0; i < bounded(outputCount); i++) {
                long value = in.getLong();
                long scriptLength = CompactSize.read(in);
                if (scriptLength > in.remaining()) {
                    throw new IllegalArgumentException("not an unsigned transaction: output " + i + " is cut off");
                }
                byte[] script = new byte[(int) scriptLength];
                in.get(script);
                outputs.add(new Output(value, script));
            }
            long lockTime = in.getInt() & 0xffffffffL;
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("not an unsigned transaction: bytes after its lock time");
            }
            return new UnsignedTransaction(version, inputs, outputs, lockTime);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("not an unsigned transaction: it ends in the middle");
        }
    }

    private static long bounded(long count) {
        if (count > MAX_ITEMS) {
            throw new IllegalArgumentException("not an unsigned transaction: too many inputs or outputs");
        }
        return count;
    }

    static byte[] reversed(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length / 2; i++) {
            byte t = out[i];
            out[i] = out[out.length - 1 - i];
            out[out.length - 1 - i] = t;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnsignedTransaction that && Arrays.equals(serialize(), that.serialize());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(serialize());
    }
}
