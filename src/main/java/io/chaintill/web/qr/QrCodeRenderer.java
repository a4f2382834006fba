package io.chaintill.web.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.chaintill.domain.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Draws checkout QR codes (payment links) as SVG or PNG. Error correction M, the usual trade-off for
 * screens: readable with some glare without growing the code much. Stateless and thread-safe.
 */
public final class QrCodeRenderer {
    public static final int MIN_SIZE_PX = 64;
    public static final int MAX_SIZE_PX = 1024;
    /** ISO 18004 asks for 4 light modules around the code; scanners struggle without them on dark pages. */
    static final int QUIET_ZONE_MODULES = 4;

    /** SVG sized {@code sizePx} that scales cleanly (viewBox in module units, crisp edges, quiet zone included). */
    public String svg(String text, int sizePx) {
        requireSize(sizePx);
        BitMatrix modules = modules(text);
        int side = modules.getWidth() + 2 * QUIET_ZONE_MODULES;
        StringBuilder svg = new StringBuilder(4096)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(sizePx)
                .append("\" height=\"").append(sizePx)
                .append("\" viewBox=\"0 0 ").append(side).append(' ').append(side)
                .append("\" shape-rendering=\"crispEdges\">")
                .append("<rect width=\"").append(side).append("\" height=\"").append(side).append("\" fill=\"#fff\"/>")
                .append("<path fill=\"#000\" d=\"");
        appendDarkRuns(modules, svg);
        return svg.append("\"/></svg>").toString();
    }

    /**
     * PNG of {@code sizePx} square: ZXing scales by the largest whole number of pixels per module and centres the
     * code. A code with more modules than pixels comes out larger than asked rather than unreadable.
     */
    public byte[] png(String text, int sizePx) {
        requireSize(sizePx);
        BitMatrix image = encode(text, sizePx, QUIET_ZONE_MODULES);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(image, "PNG", png);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return png.toByteArray();
    }

    /** The bare module grid, one cell per module and no quiet zone. */
    BitMatrix modules(String text) {
        return encode(text, 0, 0);
    }

    /** One path segment per horizontal run of dark modules keeps the SVG small (a rect per module is ~5x larger). */
    private static void appendDarkRuns(BitMatrix modules, StringBuilder d) {
        int n = modules.getWidth();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && modules.get(x, y)) {
                    x++;
                }
                int run = x - start;
                d.append('M').append(start + QUIET_ZONE_MODULES).append(' ').append(y + QUIET_ZONE_MODULES)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
    }

    private static BitMatrix encode(String text, int sizePx, int marginModules) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("text", "text to encode is required");
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePx, sizePx, hints(text, marginModules));
        } catch (WriterException | IllegalArgumentException e) {
            throw new InvalidInputException("text", "too long to fit in a QR code");
        }
    }

    private static Map<EncodeHintType, Object> hints(String text, int marginModules) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, marginModules);
        // The text is always treated as UTF-8. Pure ASCII is byte-identical in ZXing's ISO-8859-1 default, and
        // naming the charset would add an ECI header that some older wallet scanners mis-handle, so only
        // non-ASCII text (e.g. an accented label) gets the explicit UTF-8 hint.
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        return hints;
    }

    private static void requireSize(int sizePx) {
        if (sizePx < MIN_SIZE_PX || sizePx > MAX_SIZE_PX) {
            throw new InvalidInputException("size", "must be between 64 and 1024");
        }
    }
}
