package io.chaintill.web.edge;

import static io.chaintill.web.edge.BrokenRequestTarget.BAD_ESCAPE;
import static io.chaintill.web.edge.BrokenRequestTarget.DOT_SEGMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BrokenRequestTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/stores/%zz", "/a/%", "/a/%4", "/%G0", "/a%zzb", "/%%", "/%e2%8", "/%u0130",
            "/api/v1/stores/%zz/invoices", "/x/%2"})
    void aPercentWithoutTwoHexDigitsIsABadEscape(String path) {
        assertEquals(Optional.of(BAD_ESCAPE), BrokenRequestTarget.of(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/.", "/a/../b", "/a/./b", "/%2e%2e", "/.%2e", "/%2E.", "/%2e", "/api/v1/api-keys/..",
            "/a/%2e%2E/b"})
    void aDotOrDotDotSegmentPlainOrEncodedIsADotSegment(String path) {
        assertEquals(Optional.of(DOT_SEGMENT), BrokenRequestTarget.of(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "/api/v1/stores/abc%41", "/a/.../b", "/a/..b", "/a/b..", "/.well-known/x", "/assets/app.js",
            "/a/%2e%2e%2e", "/i/%C4%B0", "/a//b", "/..;", "/a/..%2F..%2Fetc"})
    void ordinaryPathsPass(String path) {
        assertEquals(Optional.empty(), BrokenRequestTarget.of(path));
    }

    @Test
    void aLongPathIsCheckedInLinearTime() {
        String path = "/a".repeat(500_000) + "/%zz";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertEquals(Optional.of(BAD_ESCAPE), BrokenRequestTarget.of(path)));
    }

    @Test
    void everyKindHasTheSlugItsAnswerIsFoundBy() {
        for (BrokenRequestTarget kind : BrokenRequestTarget.values()) {
            assertEquals(Optional.of(kind), BrokenRequestTarget.bySlug(kind.slug()));
        }
        assertEquals(Optional.empty(), BrokenRequestTarget.bySlug("nope"));
    }
}
