package io.chaintill.rates;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rates from configuration ({@code chaintill.rates.fixed}, e.g. "BTC_USD:50000,ETH_USD:3000"), for regtest,
 * demos and as a last-resort fallback. Deterministic, so tests that price invoices need no network.
 */
public class FixedRateProvider implements RateProvider {

    public static final String ID = "fixed";

    private final Map<CurrencyPair, BigDecimal> rates;

    public FixedRateProvider(Map<CurrencyPair, BigDecimal> rates) {
        Map<CurrencyPair, BigDecimal> copy = new LinkedHashMap<>(rates);
        copy.forEach((pair, value) -> {
            if (value == null || value.signum() <= 0) {
                throw new IllegalArgumentException("fixed rate for " + pair + " must be greater than zero");
            }
        });
        this.rates = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses "PAIR:RATE" entries separated by commas; blank means an empty table. Any bad entry fails the
     * whole table with a message naming that entry, so a typo is caught at startup rather than at checkout.
     */
    public static FixedRateProvider parse(String table) {
        Map<CurrencyPair, BigDecimal> rates = new LinkedHashMap<>();
        if (table == null || table.isBlank()) {
            return new FixedRateProvider(rates);
        }
        for (String rawEntry : table.split(",", -1)) {
            String entry = rawEntry.trim();
            String[] parts = entry.split(":", -1);
            if (parts.length != 2) {
                throw badEntry(entry, "expected PAIR:RATE such as BTC_USD:50000");
            }
            CurrencyPair pair;
            try {
                pair = CurrencyPair.parse(parts[0]);
            } catch (IllegalArgumentException e) {
                throw badEntry(entry, e.getMessage());
            }
            BigDecimal value = parseRate(entry, parts[1].trim());
            if (rates.putIfAbsent(pair, value) != null) {
                throw badEntry(entry, pair + " is listed twice");
            }
        }
        return new FixedRateProvider(rates);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BigDecimal rate(CurrencyPair pair) throws RateUnavailableException {
        BigDecimal value = rates.get(pair);
        if (value == null) {
            throw new RateUnavailableException(ID, pair, "no fixed rate configured (chaintill.rates.fixed)");
        }
        return value;
    }

    public Map<CurrencyPair, BigDecimal> rates() {
        return rates;
    }

    private static BigDecimal parseRate(String entry, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw badEntry(entry, "rate '" + text + "' is not a decimal number");
        }
        if (value.signum() <= 0) {
            throw badEntry(entry, "rate must be greater than zero");
        }
        return value;
    }

    private static IllegalArgumentException badEntry(String entry, String why) {
        return new IllegalArgumentException("chaintill.rates.fixed: bad entry '" + entry + "': " + why);
    }
}
