package io.chaintill.domain.invoice;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the invoice list's text search matches: the invoice's id, each searchable value (its metadata's strings and
 * numbers, the additional search terms) and each word of those values, lower-cased. A search matches an invoice when
 * one of its terms starts with the searched text, as BTCPay's does (any search value {@code StartsWith} the text),
 * but without regard to case and also at the start of any word. A prefix, unlike a substring, can be found in an
 * ordinary index on both databases (docs/performance.md).
 */
public final class SearchTerms {
    /** A term's column width; a longer value is kept as its first {@value} characters, which is what a search sees. */
    public static final int MAX_LENGTH = 100;
    /** Terms per invoice at most, so a large metadata object costs a bounded number of rows. */
    static final int MAX_TERMS = 64;
    private static final String UNBOUNDED = "[\\x{D7FF}\\x{FFFF}\\x{10FFFF}]";

    private SearchTerms() {
    }

    public static Set<String> of(String invoiceId, List<String> values) {
        Set<String> terms = new LinkedHashSet<>();
        add(terms, normalized(invoiceId));
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null) {
                continue;
            }
            String whole = normalized(value);
            add(terms, whole);
            if (whole.indexOf(' ') >= 0) {
                for (String word : whole.split(" ")) {
                    add(terms, word);
                }
            }
        }
        return terms;
    }

    /**
     * Text as terms are stored: lower-cased, each run of white space one space, trimmed, bounded. U+D7FF, U+FFFF and
     * U+10FFFF (unassigned, and two noncharacters) become U+FFFD: they are the code points after which the next one
     * is not the next character in both code point and UTF-16 order, which a prefix's range needs (InvoicePageSql).
     */
    public static String normalized(String text) {
        String s = text.strip().replaceAll("\\s+", " ").replaceAll(UNBOUNDED, "\uFFFD").toLowerCase(Locale.ROOT);
        if (s.length() <= MAX_LENGTH) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH; // a whole pair
        return s.substring(0, end);
    }

    private static void add(Set<String> terms, String term) {
        if (term != null && !term.isEmpty() && terms.size() < MAX_TERMS) {
            terms.add(term);
        }
    }
}
