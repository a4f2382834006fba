package io.chaintill.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A price of one {@code pair.base()} in {@code pair.quote()}, who gave it and when it was fetched. */
public record Rate(CurrencyPair pair, BigDecimal value, String providerId, Instant fetchedAt) {
    public Rate {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}
