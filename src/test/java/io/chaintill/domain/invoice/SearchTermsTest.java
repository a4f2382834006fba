package io.chaintill.domain.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void theIdEachValueAndEachWordOfAValueLowerCased() {
        assertEquals(List.of("inv-1", "order-42", "alice@example.com", "blue  suede\tshoes".replaceAll("\\s+", " "),
                        "blue", "suede", "shoes"),
                List.copyOf(SearchTerms.of("INV-1", List.of("Order-42", "ALICE@example.com", "  Blue  suede\tShoes "))));
    }

    @Test
    void aSearchedTextIsNormalizedAsTheTermsAre() {
        assertEquals("blue suede", SearchTerms.normalized("  BLUE \n suede "));
        assertEquals(SearchTerms.MAX_LENGTH, SearchTerms.normalized("x".repeat(500)).length());
        assertEquals("x".repeat(SearchTerms.MAX_LENGTH - 1), SearchTerms.normalized("x".repeat(99) + "\uD83D\uDE00".repeat(5)),
                "a pair of surrogates is not cut in two");
        assertEquals("a\uFFFD\uFFFD\uFFFD", SearchTerms.normalized("a\uD7FF\uFFFF" + Character.toString(Character.MAX_CODE_POINT)));
    }

    @Test
    void aLongValueIsKeptAsItsPrefixAndTheTermsAreBounded() {
        Set<String> one = SearchTerms.of("i", List.of("y".repeat(300)));
        assertEquals(Set.of("i", "y".repeat(SearchTerms.MAX_LENGTH)), one);
        List<String> many = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            many.add("value-" + n);
        }
        Set<String> bounded = SearchTerms.of("i", many);
        assertEquals(SearchTerms.MAX_TERMS, bounded.size());
        assertTrue(bounded.contains("i"), "the id comes first");
    }

    @Test
    void blankAndMissingValuesAddNothing() {
        assertEquals(Set.of("i"), SearchTerms.of("i", null));
        assertEquals(Set.of("i"), SearchTerms.of("i", List.of("", "   ")));
        assertEquals(Set.of("i", "a"), SearchTerms.of("i", Arrays.asList("a", null)));
    }
}
