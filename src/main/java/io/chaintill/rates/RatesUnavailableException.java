package io.chaintill.rates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * No provider could price the pair. Unchecked because it crosses the application layer untouched; the API
 * maps it to HTTP 503. The message names the pair and each provider's reason, in the order they were tried.
 */
public class RatesUnavailableException extends RuntimeException {
    private final CurrencyPair pair;
    private final Map<String, String> reasonsByProvider;

    public RatesUnavailableException(CurrencyPair pair, Map<String, String> reasonsByProvider) {
        super(describe(pair, reasonsByProvider));
        this.pair = pair;
        this.reasonsByProvider = Collections.unmodifiableMap(new LinkedHashMap<>(reasonsByProvider));
    }

    public CurrencyPair pair() {
        return pair;
    }

    /** Provider id to failure reason, in the order the providers were tried. */
    public Map<String, String> reasonsByProvider() {
        return reasonsByProvider;
    }

    private static String describe(CurrencyPair pair, Map<String, String> reasons) {
        if (reasons.isEmpty()) {
            return "No exchange rate for " + pair + ": no rate providers are configured";
        }
        return "No exchange rate for " + pair + ": " + reasons.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
