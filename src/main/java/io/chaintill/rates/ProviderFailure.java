package io.chaintill.rates;

import java.time.Instant;

/** The most recent failure of a provider, kept so operators (health checks, dashboard) can see a degraded source. */
public record ProviderFailure(String providerId, CurrencyPair pair, String reason, Instant at) {
}
