package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTest {
    @Test
    void plainFieldsAreJoinedWithCommasAndEndWithCrLf() {
        assertEquals("a,b,,c\r\n", CsvLine.of(Arrays.asList("a", "b", null, "c")));
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n",
                CsvLine.of(List.of("a,b", "say \"hi\"", "two\nlines", "cr\rhere")));
    }

    @Test
    void formulaStartsAreDefusedWithAnApostrophe() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvLine.field("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CsvLine.field("+1"));
        assertEquals("'-2", CsvLine.field("-2"));
        assertEquals("'@SUM(A1)", CsvLine.field("@SUM(A1)"));
        assertEquals("'\tx", CsvLine.field("\tx"));
        assertEquals("\"'=1,2\"", CsvLine.field("=1,2"), "defused first, then quoted for the comma");
        assertEquals("a=b", CsvLine.field("a=b"), "only a leading character is dangerous");
    }
}
