package io.chaintill.chain.bitcoin;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Partially Signed Bitcoin Transaction (BIP 174, version 0): the unsigned transaction and one key-value map per
 * input and output. bitcoinj has none, and the server needs only a few fields, so this keeps every pair as bytes
 * (unknown ones survive a round trip) and names the types it reads or writes. Immutable; {@link #parse} refuses
 * anything not well formed (bad magic, duplicate keys, maps not matching the transaction, trailing bytes).
 */
public final class Psbt {
    public static final int MAX_BYTES = 1_000_000;
    static final byte[] MAGIC = {0x70, 0x73, 0x62, 0x74, (byte) 0xff};

    public static final int GLOBAL_UNSIGNED_TX = 0x00;
    public static final int IN_WITNESS_UTXO = 0x01;
    public static final int IN_PARTIAL_SIG = 0x02;
    public static final int IN_REDEEM_SCRIPT = 0x04;
    public static final int IN_BIP32_DERIVATION = 0x06;
    public static final int IN_FINAL_SCRIPTSIG = 0x07;
    public static final int IN_FINAL_SCRIPTWITNESS = 0x08;
    public static final int OUT_REDEEM_SCRIPT = 0x00;
    public static final int OUT_BIP32_DERIVATION = 0x02;

    /** One key-value pair; the key's first byte is its type. */
    public record Entry(byte[] key, byte[] value) {
        public int type() {
            return key[0] & 0xff;
        }

        public static Entry of(int type, byte[] keyData, byte[] value) {
            byte[] key = new byte[1 + keyData.length];
            key[0] = (byte) type;
            System.arraycopy(keyData, 0, key, 1, keyData.length);
            return new Entry(key, value.clone());
        }

        /** The key without its type byte. */
        public byte[] keyData() {
            return Arrays.copyOfRange(key, 1, key.length);
        }
    }

    private final UnsignedTransaction tx;
    private final List<Entry> global;
    private final List<List<Entry>> inputs;
    private final List<List<Entry>> outputs;

    private Psbt(UnsignedTransaction tx, List<Entry> global, List<List<Entry>> inputs, List<List<Entry>> outputs) {
        this.tx = tx;
        this.global = List.copyOf(global);
        this.inputs = inputs.stream().map(List::copyOf).toList();
        this.outputs = outputs.stream().map(List::copyOf).toList();
    }

    /** A PSBT of {@code tx} with the given input and output maps (one each per input and output). */
    public static Psbt of(UnsignedTransaction tx, List<List<Entry>> inputs, List<List<Entry>> outputs) {
        if (inputs.size() != tx.inputs().size() || outputs.size() != tx.outputs().size()) {
            throw new IllegalArgumentException("one map per input and output is needed");
        }
        return new Psbt(tx, List.of(Entry.of(GLOBAL_UNSIGNED_TX, new byte[0], tx.serialize())), inputs, outputs);
    }

    public UnsignedTransaction transaction() {
        return tx;
    }

    public List<Entry> input(int index) {
        return inputs.get(index);
    }

    public List<Entry> output(int index) {
        return outputs.get(index);
    }

    /** The first value of {@code type} in input {@code index}'s map. */
    public Optional<byte[]> inputValue(int index, int type) {
        return inputs.get(index).stream().filter(e -> e.type() == type).map(Entry::value).findFirst();
    }

    public static Psbt fromBase64(String text) {
        if (text == null || text.length() > MAX_BYTES * 4 / 3 + 4) {
            throw new IllegalArgumentException("not a PSBT: empty or longer than " + MAX_BYTES + " bytes");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PSBT: not base64");
        }
        return parse(raw);
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(serialize());
    }

    public static Psbt parse(byte[] raw) {
        if (raw.length > MAX_BYTES) {
            throw new IllegalArgumentException("not a PSBT: longer than " + MAX_BYTES + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a PSBT: missing the 'psbt' magic bytes");
            }
            List<Entry> global = readMap(in, "global map");
            List<Entry> txEntries = global.stream().filter(e -> e.type() == GLOBAL_UNSIGNED_TX).toList();
            if (txEntries.size() != 1 || txEntries.get(0).key().length != 1) {
                throw new IllegalArgumentException("not a PSBT: the global map needs exactly one unsigned transaction");
            }
            UnsignedTransaction tx = UnsignedTransaction.parse(txEntries.get(0).value());
            List<List<Entry>> inputs = new ArrayList<>();
            for (int i = 0; i < tx.inputs().size(); i++) {
                inputs.add(readMap(in, "input " + i));
            }
            List<List<Entry>> outputs = new ArrayList<>();
            for (int i = 0; i < tx.outputs().size(); i++) {
                outputs.add(readMap(in, "output " + i));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("not a PSBT: " + in.remaining() + " bytes after the last map");
            }
            return new Psbt(tx, global, inputs, outputs);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("not a PSBT: it ends in the middle");
        }
    }

    public byte[] serialize() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        writeMap(out, global);
        inputs.forEach(m -> writeMap(out, m));
        outputs.forEach(m -> writeMap(out, m));
        return out.toByteArray();
    }

    private static List<Entry> readMap(ByteBuffer in, String where) {
        List<Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        while (true) {
            int keyLength = boundedLength(in, where);
            if (keyLength == 0) {
                return entries;
            }
            byte[] key = new byte[keyLength];
            in.get(key);
            byte[] value = new byte[boundedLength(in, where)];
            in.get(value);
            if (!keys.add(HexFormat.of().formatHex(key))) {
                throw new IllegalArgumentException("not a PSBT: " + where + " repeats a key");
            }
            entries.add(new Entry(key, value));
        }
    }

    private static void writeMap(ByteArrayOutputStream out, List<Entry> map) {
        for (Entry e : map) {
            CompactSize.write(out, e.key().length);
            out.writeBytes(e.key());
            CompactSize.write(out, e.value().length);
            out.writeBytes(e.value());
        }
        out.write(0);
    }

    private static int boundedLength(ByteBuffer in, String where) {
        long n = CompactSize.read(in);
        if (n > in.remaining()) {
            throw new IllegalArgumentException("not a PSBT: " + where + " names more bytes than there are");
        }
        return (int) n;
    }
}
