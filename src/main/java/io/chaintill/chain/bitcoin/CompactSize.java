package io.chaintill.chain.bitcoin;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Bitcoin's variable-length integer ("CompactSize"), as transactions and PSBTs write lengths and counts. */
final class CompactSize {
    private CompactSize() {
    }

    static long read(ByteBuffer in) {
        in.order(ByteOrder.LITTLE_ENDIAN);
        int first = in.get() & 0xff;
        long n = switch (first) {
            case 0xfd -> in.getShort() & 0xffffL;
            case 0xfe -> in.getInt() & 0xffffffffL;
            case 0xff -> in.getLong();
            default -> first;
        };
        if (n < 0 || (first == 0xfd && n < 0xfd) || (first == 0xfe && n <= 0xffff) || (first == 0xff && n <= 0xffffffffL)) {
            throw new IllegalArgumentException("a length is not in its shortest form");
        }
        return n;
    }

    static void write(ByteArrayOutputStream out, long n) {
        if (n < 0xfd) {
            out.write((int) n);
        } else if (n <= 0xffff) {
            out.write(0xfd);
            littleEndian(out, n, 2);
        } else if (n <= 0xffffffffL) {
            out.write(0xfe);
            littleEndian(out, n, 4);
        } else {
            out.write(0xff);
            littleEndian(out, n, 8);
        }
    }

    static void littleEndian(ByteArrayOutputStream out, long n, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (n >>> (8 * i)) & 0xff);
        }
    }
}
