package io.chaintill.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebAssetsTest {

    @Test
    void onlyPlainLowerCaseSegmentsAreServed() {
        assertTrue(WebAssets.safe("checkout.js"));
        assertTrue(WebAssets.safe("fonts/inter-400.woff2"));
        assertFalse(WebAssets.safe("../secret.js"));
        assertFalse(WebAssets.safe("a/../b.js"));
        assertFalse(WebAssets.safe(".hidden.js"));
        assertFalse(WebAssets.safe("a//b.js"));
        assertFalse(WebAssets.safe("a/"));
        assertFalse(WebAssets.safe("/a.js"));
        assertFalse(WebAssets.safe("A.js"));
        assertFalse(WebAssets.safe("a\\b.js"));
        assertFalse(WebAssets.safe(""));
    }

    @Test
    void thousandsOfSegmentsAreRefusedWithoutRecursion() {
        assertFalse(WebAssets.safe("a/".repeat(3000) + "x.js"));
        assertFalse(WebAssets.safe("a".repeat(1_000_000) + ".js"));
    }
}
