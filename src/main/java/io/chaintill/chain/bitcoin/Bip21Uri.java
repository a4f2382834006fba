package io.chaintill.chain.bitcoin;

import io.chaintill.domain.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A BIP21 payment link, {@code bitcoin:<address>?amount=<BTC>&label=…&message=…}, the text behind checkout QR codes
 * and "open in wallet" buttons. Amounts are held in satoshis and written as plain decimal BTC.
 */
public final class Bip21Uri {
    public static final String SCHEME = "bitcoin";
    /** 21 million BTC: an amount above every coin that can ever exist is a bug upstream, not a payment. */
    public static final BigInteger MAX_SATOSHIS = BigInteger.valueOf(2_100_000_000_000_000L);

    private static final int BTC_DECIMALS = 8;
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern DECIMAL_AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String address;
    private final BigInteger amountSats;
    private final String label;
    private final String message;

    private Bip21Uri(String address, BigInteger amountSats, String label, String message) {
        this.address = address;
        this.amountSats = amountSats;
        this.label = label;
        this.message = message;
    }

    public static Bip21Uri of(String address, BigInteger amountSats) {
        return of(address, amountSats, null, null);
    }

    /**
     * @param amountSats omitted from the link when null or zero (the payer's wallet then asks for an amount)
     * @param label      optional; blank counts as absent
     * @param message    optional; blank counts as absent
     */
    public static Bip21Uri of(String address, BigInteger amountSats, String label, String message) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new InvalidInputException("address", "a Bitcoin address (letters and digits only) is required");
        }
        if (amountSats != null && (amountSats.signum() < 0 || amountSats.compareTo(MAX_SATOSHIS) > 0)) {
            throw new InvalidInputException("amount", "must be between 0 and 21000000 BTC");
        }
        BigInteger amount = amountSats == null || amountSats.signum() == 0 ? null : amountSats;
        return new Bip21Uri(address, amount, blankToNull(label), blankToNull(message));
    }

    /** Reads a BIP21 link; unknown {@code req-} parameters are refused as BIP21 requires. */
    public static Bip21Uri parse(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, SCHEME + ":", 0, SCHEME.length() + 1)) {
            throw invalidUri("must start with bitcoin:");
        }
        String rest = uri.substring(SCHEME.length() + 1);
        int query = rest.indexOf('?');
        String address = query < 0 ? rest : rest.substring(0, query);
        Map<String, String> params = query < 0 ? Map.of() : parseQuery(rest.substring(query + 1));
        for (String name : params.keySet()) {
            if (name.startsWith("req-")) {
                throw invalidUri("requires an unsupported parameter");
            }
        }
        BigInteger amount = params.containsKey("amount") ? parseBtc(params.get("amount")) : null;
        return of(address, amount, params.get("label"), params.get("message"));
    }

    public String address() {
        return address;
    }

    /** Empty when the link carries no amount (null and zero are the same here). */
    public Optional<BigInteger> amountSats() {
        return Optional.ofNullable(amountSats);
    }

    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    public String toUri() {
        StringBuilder uri = new StringBuilder(SCHEME).append(':').append(address);
        char separator = '?';
        if (amountSats != null) {
            uri.append(separator).append("amount=").append(formatBtc(amountSats));
            separator = '&';
        }
        if (label != null) {
            uri.append(separator).append("label=").append(percentEncode(label));
            separator = '&';
        }
        if (message != null) {
            uri.append(separator).append("message=").append(percentEncode(message));
        }
        return uri.toString();
    }

    /** Satoshis as BTC with no trailing zeros and no exponent: 150000 -> "0.0015", 2100000000000000 -> "21000000". */
    public static String formatBtc(BigInteger sats) {
        return new BigDecimal(sats).movePointLeft(BTC_DECIMALS).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return toUri();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bip21Uri that && toUri().equals(that.toUri());
    }

    @Override
    public int hashCode() {
        return toUri().hashCode();
    }

    private static BigInteger parseBtc(String value) {
        if (!DECIMAL_AMOUNT.matcher(value).matches()) {
            throw invalidUri("amount must be a plain decimal number of BTC");
        }
        BigDecimal btc = new BigDecimal(value).stripTrailingZeros();
        if (btc.scale() > BTC_DECIMALS) {
            throw invalidUri("amount has more than 8 decimal places");
        }
        return btc.movePointRight(BTC_DECIMALS).toBigIntegerExact();
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
            if (params.put(name, value) != null) {
                throw invalidUri("repeats a parameter");
            }
        }
        return params;
    }

    /** RFC 3986: everything but unreserved characters becomes %XX of its UTF-8 bytes (so a space is %20, not +). */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0f]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Unlike URLDecoder this keeps '+' as '+', as RFC 3986 (and BIP21) intend. */
    private static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%') {
                int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int lo = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw invalidUri("has a broken percent-escape");
                }
                bytes.write(hi << 4 | lo);
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalidUri("has percent-escapes that are not UTF-8");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static InvalidInputException invalidUri(String message) {
        return new InvalidInputException("uri", "not a usable BIP21 link: " + message);
    }
}
