package io.chaintill.api.paybutton;

import io.chaintill.domain.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a posted HTML form, as a pay button sends them: {@code application/x-www-form-urlencoded} (a plain
 * form submit) or {@code multipart/form-data} (BTCPay's modal snippet posts {@code new FormData(form)}). The first
 * value of a repeated name wins and names match whatever their case ({@code StoreId} is {@code storeId}), as in
 * BTCPay's model binding. Bounded: the caller caps the body; here the number
 * of fields and each name and value are.
 */
public final class FormBody {
    static final int MAX_FIELDS = 60;
    static final int MAX_NAME = 100;
    static final int MAX_VALUE = 2000;
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"?)([^\";]{1,100})\\1");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");

    private FormBody() {
    }

    public static Map<String, String> parse(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
        if (type.startsWith("multipart/form-data")) {
            return multipart(contentType, body);
        }
        if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
            return urlEncoded(new String(body, StandardCharsets.UTF_8));
        }
        throw new InvalidInputException("Content-Type", "must be application/x-www-form-urlencoded or multipart/form-data "
                + "(an HTML form)");
    }

    static Map<String, String> urlEncoded(String body) {
        Fields fields = new Fields();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                fields.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("body", "is not valid form encoding (a stray %)");
            }
        }
        return fields.map;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> multipart(String contentType, byte[] body) {
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            throw new InvalidInputException("Content-Type", "multipart/form-data needs a boundary");
        }
        // ISO-8859-1 maps every byte to one char, so splitting cannot break a UTF-8 sequence; values are re-read as UTF-8
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + b.group(2);
        Fields fields = new Fields();
        String[] parts = text.split(Pattern.quote(delimiter), -1);
        if (parts.length < 2) {
            throw new InvalidInputException("body", "is not multipart/form-data with the announced boundary");
        }
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("--")) {
                break; // the closing delimiter
            }
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                throw new InvalidInputException("body", "has a multipart section without headers");
            }
            String headers = part.substring(0, headersEnd);
            Matcher n = NAME.matcher(headers);
            if (!n.find()) {
                throw new InvalidInputException("body", "has a multipart section without a field name");
            }
            if (headers.toLowerCase(Locale.ROOT).contains("filename=")) {
                throw new InvalidInputException(n.group(1), "files are not accepted");
            }
            String value = part.substring(headersEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            fields.put(utf8(n.group(1)), utf8(value));
        }
        return fields.map;
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static final class Fields {
        final Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int count;

        void put(String name, String value) {
            if (++count > MAX_FIELDS) {
                throw new InvalidInputException("body", "has more than " + MAX_FIELDS + " fields");
            }
            if (name.length() > MAX_NAME) {
                throw new InvalidInputException("body", "has a field name longer than " + MAX_NAME + " characters");
            }
            if (value.length() > MAX_VALUE) {
                throw new InvalidInputException(name, "must be at most " + MAX_VALUE + " characters");
            }
            map.putIfAbsent(name, value);
        }
    }
}
