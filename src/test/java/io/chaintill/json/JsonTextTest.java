package io.chaintill.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** {@link JsonText} writes what the container's JSON-P writer writes, so clients see no difference. */
class JsonTextTest {
    @Test
    void everyKindOfValueIsWrittenAsParssonWritesIt() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        JsonObject value = Json.createObjectBuilder()
                .add("plain", "abc")
                .add("empty", "")
                .add("quote\"and\\backslash", "a\"b\\c/d")
                .add("controls", controls.toString())
                .add("unicode", "ü € 𝄞 \u2028 \u007f")
                .add("int", 42).add("negative", -7L).add("long", Long.MAX_VALUE)
                .add("decimal", new BigDecimal("0.00012300")).add("exponent", new BigDecimal("1E+3"))
                .add("big", new BigInteger("123456789012345678901234567890")).add("double", 1.5)
                .add("true", true).add("false", false).addNull("null")
                .add("emptyObject", JsonValue.EMPTY_JSON_OBJECT).add("emptyArray", JsonValue.EMPTY_JSON_ARRAY)
                .add("nested", Json.createArrayBuilder().add(1).add("x").add(Json.createObjectBuilder().add("k", "v\n"))
                        .addNull().add(Json.createArrayBuilder()))
                .build();

        assertEquals(value.toString(), JsonText.of(value));
    }

    @Test
    void aParsedDocumentComesBackAsItWasRead() {
        String text = "{\"a\":[1,2.50,-3e2,{\"b\":\"tab\\there \\\"q\\\" \\u0001\"}],\"c\":null,\"d\":\"line\\nbreak\"}";
        JsonValue parsed = Json.createReader(new StringReader(text)).readValue();

        assertEquals(parsed.toString(), JsonText.of(parsed));
        assertEquals(parsed, Json.createReader(new StringReader(JsonText.of(parsed))).readValue());
    }

    @Test
    void topLevelScalarsAreTheirOwnText() {
        assertEquals("\"x\\\\y\"", JsonText.of(Json.createValue("x\\y")));
        assertEquals("12.5", JsonText.of(Json.createValue(new BigDecimal("12.5"))));
        assertEquals("null", JsonText.of(JsonValue.NULL));
    }
}
