package io.chaintill.api;

import io.chaintill.chain.SecretText;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads from a request's JSON object. Every type error names the field's path, so callers get
 * "amount: must be a decimal number" rather than a parser stack trace.
 */
public final class JsonInput {
    private final JsonObject object;
    private final String prefix;

    private JsonInput(JsonObject object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    /** Parses a request body that must be one JSON object. An empty body counts as {}. */
    public static JsonInput parse(String body) {
        if (body == null || body.isBlank()) {
            return new JsonInput(JsonValue.EMPTY_JSON_OBJECT, "");
        }
        JsonValue value;
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            parser.next();
            value = parser.getValue();
            // a JsonReader stops after the first value, so "{...} garbage" or "{}{}" would pass as the first object
            if (parser.hasNext()) {
                throw new MalformedJsonException("the body is not valid JSON (content after the end)");
            }
        } catch (JsonParsingException e) {
            var loc = e.getLocation();
            throw new MalformedJsonException(loc == null ? "the body is not valid JSON"
                    : "the body is not valid JSON (line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() + ")");
        } catch (JsonException | java.util.NoSuchElementException e) {
            throw new MalformedJsonException("the body is not valid JSON");
        } catch (RuntimeException e) {
            // parsers refuse pathological input (e.g. nesting thousands deep) with plain runtime exceptions
            throw new MalformedJsonException("the body is not acceptable JSON (" + e.getMessage() + ")");
        }
        if (!(value instanceof JsonObject o)) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return new JsonInput(o, "");
    }

    public boolean has(String name) {
        return object.containsKey(name) && object.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    public boolean present(String name) {
        return object.containsKey(name);
    }

    public String path(String name) {
        return prefix + name;
    }

    /** A string field; private key material in it is refused (not stored, not echoed), see {@link SecretText}. */
    public String string(String name) {
        return screened(path(name), secret(name));
    }

    /**
     * A string the caller chose as a secret of its own (a password, a webhook's signing secret), read without the
     * private-key screening: random secrets may look like keys, and these are never shown again.
     */
    public String secret(String name) {
        if (!has(name)) {
            return null;
        }
        if (object.get(name) instanceof JsonString s) {
            return withoutNul(path(name), s.getString());
        }
        throw new InvalidInputException(path(name), "must be a string");
    }

    /** PostgreSQL stores no NUL in text, and no field of a payment means one: refused before anything is stored. */
    private static String withoutNul(String path, String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(path, "must not contain NUL characters");
        }
        return value;
    }

    private static String screened(String path, String value) {
        if (value != null) {
            withoutNul(path, value);
        }
        if (value != null && SecretText.containsSecret(value)) {
            throw new InvalidInputException(path, "looks like private key material (a private key, xprv or seed "
                    + "words); ChainTill never accepts one, and it was not stored. Where a key belongs, give the account's "
                    + "extended PUBLIC key (xpub, zpub, tpub, vpub ...)");
        }
        return value;
    }

    /** Every string inside a free JSON value (metadata), screened like a string field. */
    private static void screenAll(String path, JsonValue value) {
        if (value instanceof JsonString s) {
            screened(path, s.getString());
        } else if (value instanceof JsonObject o) {
            o.forEach((k, v) -> {
                screened(path, k);
                screenAll(path + "." + k, v);
            });
        } else if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                screenAll(path + "[" + i + "]", a.get(i));
            }
        }
    }

    public String requiredString(String name) {
        String s = string(name);
        if (s == null || s.isBlank()) {
            throw new InvalidInputException(path(name), "is required");
        }
        return s;
    }

    /** A decimal given as a JSON string ("12.50", Greenfield's form) or number; NaN and exponents are refused. */
    public BigDecimal decimal(String name) {
        if (!has(name)) {
            return null;
        }
        JsonValue v = object.get(name);
        String text;
        if (v instanceof JsonString s) {
            text = s.getString().trim();
        } else if (v instanceof JsonNumber n) {
            // BigDecimal.toString() writes 0.00000001 as "1E-8"; judge the plain form of numbers without an
            // exponent (scale >= 0), bounded so that e.g. 1e-999999999 is never expanded
            BigDecimal d = n.bigDecimalValue();
            text = d.scale() >= 0 && d.scale() <= 40 && d.precision() <= 80 ? d.toPlainString() : n.toString();
        } else {
            throw new InvalidInputException(path(name), "must be a decimal number");
        }
        if (!text.matches("-?[0-9]{1,40}(\\.[0-9]{1,40})?")) {
            throw new InvalidInputException(path(name), "must be a plain decimal number such as 12.50");
        }
        return new BigDecimal(text);
    }

    public Integer integer(String name) {
        if (!has(name)) {
            return null;
        }
        JsonValue v = object.get(name);
        try {
            if (v instanceof JsonNumber n) {
                return n.bigDecimalValue().intValueExact();
            }
            if (v instanceof JsonString s) {
                return Integer.parseInt(s.getString().trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // fall through to the error below
        }
        throw new InvalidInputException(path(name), "must be a whole number");
    }

    public Boolean bool(String name) {
        if (!has(name)) {
            return null;
        }
        JsonValue v = object.get(name);
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw new InvalidInputException(path(name), "must be true or false");
    }

    public List<String> strings(String name) {
        if (!has(name)) {
            return null;
        }
        if (!(object.get(name) instanceof JsonArray array)) {
            throw new InvalidInputException(path(name), "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString s)) {
                throw new InvalidInputException(path(name) + "[" + i + "]", "must be a string");
            }
            out.add(screened(path(name) + "[" + i + "]", s.getString()));
        }
        return out;
    }

    /** A free JSON object (metadata), every string in it screened like a string field. */
    public JsonObject rawObject(String name) {
        JsonObject o = unscreenedObject(name);
        if (o != null) {
            screenAll(path(name), o);
        }
        return o;
    }

    /** A nested object whose fields are read one by one (and screened then). */
    public JsonInput object(String name) {
        JsonObject o = unscreenedObject(name);
        return new JsonInput(o == null ? JsonValue.EMPTY_JSON_OBJECT : o, path(name) + ".");
    }

    private JsonObject unscreenedObject(String name) {
        if (!has(name)) {
            return null;
        }
        if (object.get(name) instanceof JsonObject o) {
            return o;
        }
        throw new InvalidInputException(path(name), "must be a JSON object");
    }

    public JsonValue raw(String name) {
        return object.get(name);
    }
}
