package io.chaintill.api;

import io.chaintill.domain.InvalidInputException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.function.Function;

/**
 * Strict boolean and whole-number query parameters: JAX-RS reads {@code includeArchived=abc} as false and answers
 * {@code take=abc} with a bare 404; here both are a 422 naming the parameter (Jersey wraps the
 * {@link InvalidInputException}, and {@link ErrorMapper} finds it among the causes).
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> type, Type genericType, Annotation[] annotations) {
        String name = null;
        boolean hasDefault = false;
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
            } else if (a instanceof DefaultValue) {
                hasDefault = true;
            }
        }
        // a primitive without a default must stay Jersey's (it supplies 0/false for an absent parameter)
        if (name == null || (type.isPrimitive() && !hasDefault)) {
            return null;
        }
        String parameter = name;
        if (type == boolean.class || type == Boolean.class) {
            return (ParamConverter<T>) converter(parameter, QueryParamConverters::bool);
        }
        if (type == int.class || type == Integer.class) {
            return (ParamConverter<T>) converter(parameter, v -> whole(v, parameter, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue());
        }
        if (type == long.class || type == Long.class) {
            return (ParamConverter<T>) converter(parameter, v -> whole(v, parameter, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String parameter, Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(parameter, e.getMessage());
                }
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static Long whole(String value, String parameter, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("must be a whole number between " + min + " and " + max);
    }
}
