package io.chaintill.web.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.chaintill.domain.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrCodeRendererTest {
    private static final String URI =
            "bitcoin:bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu?amount=0.0015&label=Order%2042";
    private static final String UNICODE_TEXT = "bitcoin:bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu?label=Café Büro 🚀";
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    private final QrCodeRenderer renderer = new QrCodeRenderer();

    @ParameterizedTest
    @ValueSource(ints = {200, 256, 1024})
    void pngDecodesToTheExactText(int size) throws Exception {
        byte[] png = renderer.png(URI, size);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertEquals(size, image.getWidth());
        assertEquals(size, image.getHeight());
        Result result = decode(image);
        assertEquals(URI, result.getText());
        assertEquals("M", result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
    }

    /**
     * At 64 px an 80-character link gets one pixel per module: exact, but too fine for ZXing's camera-oriented
     * locator, so it is read as a pure (pixel-perfect) barcode, which is what the bytes are.
     */
    @Test
    void smallestPngIsPixelExact() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(URI, 64)));
        assertEquals(64, image.getWidth());
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        assertEquals(URI, new MultiFormatReader().decode(bitmap, hints).getText());
    }

    @Test
    void pngCarriesNonAsciiTextAsUtf8() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(UNICODE_TEXT, 512)));
        assertEquals(UNICODE_TEXT, decode(image).getText());
    }

    @Test
    void pngKeepsAQuietZone() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(URI, 512)));
        int modules = referenceMatrix(URI).getWidth();
        int pixelsPerModule = 512 / (modules + 2 * QrCodeRenderer.QUIET_ZONE_MODULES);
        int border = (512 - modules * pixelsPerModule) / 2;
        assertTrue(border >= QrCodeRenderer.QUIET_ZONE_MODULES * pixelsPerModule, "border " + border);
        for (int i = 0; i < 512; i++) {
            for (int j = 0; j < border; j++) {
                assertEquals(0xFFFFFFFF, image.getRGB(i, j), "top edge must be white");
                assertEquals(0xFFFFFFFF, image.getRGB(j, i), "left edge must be white");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {URI, UNICODE_TEXT, "bitcoin:2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2"})
    void svgModulesEqualZxingsMatrix(String text) {
        String svg = renderer.svg(text, 300);
        BitMatrix expected = referenceMatrix(text);
        boolean[][] drawn = parseSvgGrid(svg);
        int quiet = QrCodeRenderer.QUIET_ZONE_MODULES;

        assertEquals(expected.getWidth() + 2 * quiet, drawn.length);
        for (int y = 0; y < drawn.length; y++) {
            for (int x = 0; x < drawn.length; x++) {
                boolean inCode = x >= quiet && y >= quiet && x < quiet + expected.getWidth() && y < quiet + expected.getHeight();
                boolean want = inCode && expected.get(x - quiet, y - quiet);
                assertEquals(want, drawn[y][x], "module " + x + "," + y);
            }
        }
    }

    @Test
    void svgRasterisedByHandDecodesToTheText() throws Exception {
        boolean[][] grid = parseSvgGrid(renderer.svg(UNICODE_TEXT, 300));
        int scale = 6;
        BufferedImage image = new BufferedImage(grid.length * scale, grid.length * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, grid[y / scale][x / scale] ? 0x000000 : 0xFFFFFF);
            }
        }
        assertEquals(UNICODE_TEXT, decode(image).getText());
    }

    @Test
    void svgIsScalableAndCrisp() {
        String svg = renderer.svg(URI, 256);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("width=\"256\" height=\"256\""), svg);
        assertTrue(svg.contains("shape-rendering=\"crispEdges\""), svg);
        assertTrue(VIEW_BOX.matcher(svg).find(), svg);
        assertFalse(svg.contains(URI), "the text is drawn, not embedded");
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, 0, 63, 1025, 4096})
    void sizesOutsideTheRangeAreRefused(int size) {
        for (InvalidInputException e : new InvalidInputException[] {
                assertThrows(InvalidInputException.class, () -> renderer.svg(URI, size)),
                assertThrows(InvalidInputException.class, () -> renderer.png(URI, size))}) {
            assertEquals("size", e.field());
            assertTrue(e.getMessage().contains("between 64 and 1024"), e.getMessage());
        }
    }

    @Test
    void emptyOrOversizedTextIsRefused() {
        assertEquals("text", assertThrows(InvalidInputException.class, () -> renderer.svg("", 256)).field());
        assertEquals("text", assertThrows(InvalidInputException.class, () -> renderer.png(null, 256)).field());
        String tooLong = "x".repeat(5000);
        assertEquals("text", assertThrows(InvalidInputException.class, () -> renderer.png(tooLong, 256)).field());
    }

    /** ZXing's own matrix with the same settings, computed here independently of the renderer. */
    private static BitMatrix referenceMatrix(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 0);
        if (!text.chars().allMatch(c -> c < 128)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean[][] parseSvgGrid(String svg) {
        Matcher viewBox = VIEW_BOX.matcher(svg);
        assertTrue(viewBox.find(), "viewBox");
        int side = Integer.parseInt(viewBox.group(1));
        assertEquals(side, Integer.parseInt(viewBox.group(2)));
        boolean[][] grid = new boolean[side][side];
        String d = svg.substring(svg.indexOf(" d=\"") + 4, svg.indexOf("\"/></svg>"));
        Matcher run = RUN.matcher(d);
        int consumed = 0;
        while (run.find()) {
            assertEquals(consumed, run.start(), "unexpected path syntax");
            consumed = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            assertEquals(length, Integer.parseInt(run.group(4)));
            for (int i = 0; i < length; i++) {
                assertFalse(grid[y][x + i], "runs overlap");
                grid[y][x + i] = true;
            }
        }
        assertEquals(d.length(), consumed, "whole path parsed");
        return grid;
    }

    private static Result decode(BufferedImage image) throws Exception {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, hints);
    }
}
