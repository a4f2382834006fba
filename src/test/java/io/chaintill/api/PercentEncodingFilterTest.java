package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentEncodingFilterTest {
    @Test
    void pathsWithBrokenPercentEncodingAreRecognised() {
        assertTrue(PercentEncodingFilter.wellEncoded("/api/v1/stores/a%20b%2F"));
        assertFalse(PercentEncodingFilter.wellEncoded("/api/v1/stores/%zz"));
        assertFalse(PercentEncodingFilter.wellEncoded("/api/v1/stores/%2"));
        assertFalse(PercentEncodingFilter.wellEncoded("/%"));
    }
}
