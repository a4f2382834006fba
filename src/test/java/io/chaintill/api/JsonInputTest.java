package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonInputTest {

    private static InvalidInputException invalid(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(InvalidInputException.class, e);
    }

    @Test
    void aNulInAnyStringIsRefusedNamingTheField() {
        assertEquals("label", assertThrows(InvalidInputException.class,
                () -> JsonInput.parse("{\"label\":\"a\\u0000b\"}").string("label")).field());
        assertEquals("metadata.buyerEmail", assertThrows(InvalidInputException.class,
                () -> JsonInput.parse("{\"metadata\":{\"buyerEmail\":\"x\\u0000y\"}}").rawObject("metadata")).field());
        assertEquals("secret", assertThrows(InvalidInputException.class,
                () -> JsonInput.parse("{\"secret\":\"\\u0000\"}").secret("secret")).field());
        assertEquals("a\u0001b", JsonInput.parse("{\"label\":\"a\\u0001b\"}").string("label"), "other control characters are text");
    }

    @Nested
    class Parsing {
        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  ", "\n"})
        void emptyBodyIsAnEmptyObject(String body) {
            JsonInput in = JsonInput.parse(body);
            assertFalse(in.present("amount"));
            assertNull(in.decimal("amount"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{                        | 1 | 2",
                "{\"amount\": }           | 1 | 12",
                "{'amount': 1}            | 1 | 2",
                "{\"a\": NaN}             | 1 | 7",
                "{\"a\": 1,}              | 1 | 10",
                "not json                 | 1 | 1",
        })
        void malformedJsonReportsLineAndColumn(String body, int line, int column) {
            MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> JsonInput.parse(body.strip()));
            assertTrue(e.getMessage().startsWith("the body is not valid JSON"), e.getMessage());
            assertTrue(e.getMessage().contains("line " + line + ","), e.getMessage());
            assertTrue(e.getMessage().matches(".*column \\d+\\)"), e.getMessage());
        }

        @Test
        void lineNumbersCountNewlines() {
            MalformedJsonException e = assertThrows(MalformedJsonException.class,
                    () -> JsonInput.parse("{\n  \"amount\": \"1\",\n  \"currency\": USD\n}"));
            assertTrue(e.getMessage().contains("line 3, column"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"{} x", "{}{}", "{\"amount\":\"1\"} {\"amount\":\"2\"}", "{}]", "{} ,"})
        void contentAfterTheObjectIsMalformed(String body) {
            assertThrows(MalformedJsonException.class, () -> JsonInput.parse(body));
        }

        @Test
        void trailingWhitespaceIsFine() {
            assertEquals("x", JsonInput.parse("{\"a\":\"x\"}  \n\t").string("a"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "[{\"amount\":\"1\"}]", "42", "\"text\"", "true", "null"})
        void nonObjectBodyIsInvalidInputNamingTheBody(String body) {
            InvalidInputException e = invalid(() -> JsonInput.parse(body));
            assertEquals("body", e.field());
            assertEquals("must be a JSON object", e.getMessage());
        }

        @Test
        void hasAndPresentTellNullFromMissing() {
            JsonInput in = JsonInput.parse("{\"a\": null, \"b\": 1}");
            assertTrue(in.present("a"));
            assertFalse(in.has("a"));
            assertTrue(in.has("b"));
            assertFalse(in.present("c"));
            assertNull(in.string("a"));
            assertNull(in.decimal("a"));
            assertNull(in.integer("a"));
            assertNull(in.bool("a"));
            assertNull(in.strings("a"));
        }
    }

    @Nested
    class Decimals {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "{\"amount\": \"12.50\"}      | 12.50",
                "{\"amount\": 12.50}          | 12.50",
                "{\"amount\": \" 7 \"}        | 7",
                "{\"amount\": 7}              | 7",
                "{\"amount\": \"0.00000001\"} | 0.00000001",
                "{\"amount\": 0.00000001}     | 0.00000001",
                "{\"amount\": 0.000000000000000001} | 0.000000000000000001",
                "{\"amount\": \"-3.5\"}       | -3.5",
                "{\"amount\": \"1234567890123456789012345678901234567890\"} | 1234567890123456789012345678901234567890",
        })
        void acceptsPlainDecimalsAsStringsOrNumbersExactly(String body, String expected) {
            BigDecimal d = JsonInput.parse(body).decimal("amount");
            assertEquals(new BigDecimal(expected), d, "same value and scale");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"1e5\"", "\"1E5\"", "1e5", "1E+5", "\"NaN\"", "\"Infinity\"", "true", "false", "\"\"",
                "\"  \"", "\"12,50\"", "\"+1\"", "\".5\"", "\"5.\"", "\"0x10\"", "\"12.50 USD\"", "[1]", "{\"v\":1}",
                "\"12345678901234567890123456789012345678901\"", "1e-999999999", "1e999999999"})
        void refusesAnythingButAPlainDecimalNamingTheField(String value) {
            InvalidInputException e = invalid(() -> JsonInput.parse("{\"amount\": " + value + "}").decimal("amount"));
            assertEquals("amount", e.field());
        }

        @Test
        void hugeExponentsAreRefusedQuickly() {
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                invalid(() -> JsonInput.parse("{\"a\": 1e-999999999}").decimal("a"));
                invalid(() -> JsonInput.parse("{\"a\": 1e999999999}").integer("a"));
            });
        }
    }

    @Nested
    class Integers {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "15 | 15", "\"15\" | 15", "0 | 0", "-5 | -5", "2147483647 | 2147483647", "1.0 | 1"})
        void acceptsWholeNumbers(String value, int expected) {
            assertEquals(expected, JsonInput.parse("{\"n\": " + value + "}").integer("n"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.5", "\"1.5\"", "2147483648", "99999999999999999999", "\"99999999999\"", "true",
                "\"fifteen\"", "\"\"", "[15]", "-2147483649"})
        void refusesFractionsHugeAndNonNumbers(String value) {
            InvalidInputException e = invalid(() -> JsonInput.parse("{\"n\": " + value + "}").integer("n"));
            assertEquals("n", e.field());
            assertEquals("must be a whole number", e.getMessage());
        }
    }

    @Nested
    class StringsAndBooleans {
        @Test
        void stringRefusesOtherTypes() {
            JsonInput in = JsonInput.parse("{\"s\": \"x\", \"n\": 1, \"b\": true, \"o\": {}}");
            assertEquals("x", in.string("s"));
            for (String name : List.of("n", "b", "o")) {
                InvalidInputException e = invalid(() -> in.string(name));
                assertEquals(name, e.field());
                assertEquals("must be a string", e.getMessage());
            }
        }

        @Test
        void requiredStringRefusesMissingNullAndBlank() {
            JsonInput in = JsonInput.parse("{\"blank\": \"  \", \"nul\": null, \"ok\": \"v\"}");
            assertEquals("v", in.requiredString("ok"));
            for (String name : List.of("blank", "nul", "missing")) {
                InvalidInputException e = invalid(() -> in.requiredString(name));
                assertEquals(name, e.field());
                assertEquals("is required", e.getMessage());
            }
        }

        @Test
        void boolAcceptsOnlyJsonBooleans() {
            JsonInput in = JsonInput.parse("{\"t\": true, \"f\": false, \"s\": \"true\", \"n\": 1}");
            assertEquals(Boolean.TRUE, in.bool("t"));
            assertEquals(Boolean.FALSE, in.bool("f"));
            assertEquals("s", invalid(() -> in.bool("s")).field());
            assertEquals("n", invalid(() -> in.bool("n")).field());
        }

        @Test
        void stringsReadsAnArrayAndNamesTheBadIndex() {
            JsonInput in = JsonInput.parse("{\"ok\": [\"BTC\", \"ETH\"], \"empty\": [], \"bad\": [\"BTC\", \"ETH\", 5],"
                    + " \"nul\": [\"BTC\", null], \"notArray\": \"BTC\"}");
            assertEquals(List.of("BTC", "ETH"), in.strings("ok"));
            assertEquals(List.of(), in.strings("empty"));
            InvalidInputException bad = invalid(() -> in.strings("bad"));
            assertEquals("bad[2]", bad.field());
            assertEquals("must be a string", bad.getMessage());
            assertEquals("nul[1]", invalid(() -> in.strings("nul")).field());
            InvalidInputException notArray = invalid(() -> in.strings("notArray"));
            assertEquals("notArray", notArray.field());
            assertEquals("must be an array of strings", notArray.getMessage());
        }
    }

    @Nested
    class NestedObjects {
        private final JsonInput in = JsonInput.parse("{\"checkout\": {\"expirationMinutes\": \"soon\","
                + " \"paymentMethods\": [\"BTC\", {}], \"speedPolicy\": 3, \"deep\": {\"x\": {\"y\": 1.5}},"
                + " \"monitoringMinutes\": 60}, \"metadata\": \"not an object\"}");

        @Test
        void errorsInsideAnObjectCarryItsPath() {
            assertEquals("checkout.expirationMinutes", invalid(() -> in.object("checkout").integer("expirationMinutes")).field());
            assertEquals("checkout.paymentMethods[1]", invalid(() -> in.object("checkout").strings("paymentMethods")).field());
            assertEquals("checkout.speedPolicy", invalid(() -> in.object("checkout").string("speedPolicy")).field());
            assertEquals("checkout.deep.x.y", invalid(() -> in.object("checkout").object("deep").object("x").integer("y")).field());
            assertEquals("checkout.monitoringMinutes", in.object("checkout").path("monitoringMinutes"));
            assertEquals(60, in.object("checkout").integer("monitoringMinutes"));
        }

        @Test
        void aNonObjectWhereAnObjectBelongsIsRefused() {
            InvalidInputException e = invalid(() -> in.object("metadata"));
            assertEquals("metadata", e.field());
            assertEquals("must be a JSON object", e.getMessage());
            assertEquals("checkout.expirationMinutes",
                    invalid(() -> in.object("checkout").object("expirationMinutes")).field());
        }

        @Test
        void aMissingObjectReadsAsEmptyWithItsPath() {
            JsonInput missing = in.object("absent");
            assertFalse(missing.has("anything"));
            assertNull(missing.integer("anything"));
            assertEquals("absent.anything", missing.path("anything"));
            assertNull(in.rawObject("absent"));
            assertEquals(1, in.rawObject("checkout").getJsonObject("deep").size());
        }
    }
}
