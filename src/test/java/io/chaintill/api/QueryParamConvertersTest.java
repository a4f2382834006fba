package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class QueryParamConvertersTest {
    private final QueryParamConverters converters = new QueryParamConverters();

    @SuppressWarnings("unused")
    private static void annotated(@QueryParam("includeArchived") @DefaultValue("false") boolean archived,
                                  @QueryParam("take") Integer take, @QueryParam("skip") int skip) {
    }

    private static Annotation[] of(int parameter) throws NoSuchMethodException {
        return QueryParamConvertersTest.class.getDeclaredMethod("annotated", boolean.class, Integer.class, int.class)
                .getParameterAnnotations()[parameter];
    }

    @Test
    void booleansAreTrueOrFalseOnlyAndAnythingElseNamesTheParameter() throws Exception {
        ParamConverter<Boolean> b = converters.getConverter(boolean.class, boolean.class, of(0));
        assertTrue(b.fromString("TRUE"));
        assertFalse(b.fromString(" false "));
        assertEquals("includeArchived", assertThrows(InvalidInputException.class, () -> b.fromString("abc")).field());
    }

    @Test
    void wholeNumbersMustFitTheirType() throws Exception {
        ParamConverter<Integer> i = converters.getConverter(Integer.class, Integer.class, of(1));
        assertEquals(42, i.fromString("42"));
        assertNull(i.fromString(null));
        assertEquals("take", assertThrows(InvalidInputException.class, () -> i.fromString("ten")).field());
        assertEquals("take", assertThrows(InvalidInputException.class, () -> i.fromString("99999999999")).field());
    }

    @Test
    void aPrimitiveWithoutDefaultIsLeftToTheFramework() throws Exception {
        assertNull(converters.getConverter(int.class, int.class, of(2)));
        assertNull(converters.getConverter(String.class, String.class, of(1)));
    }
}
