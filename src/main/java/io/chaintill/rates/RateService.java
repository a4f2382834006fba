package io.chaintill.rates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prices a currency pair by asking providers in a given order and taking the first answer. Answers are cached
 * per (provider, pair) for the TTL. Thread-safe: invoices are created in parallel.
 *
 * <p>Each provider bounds its own time (HTTP timeouts), so a hanging first provider delays the fallback to the
 * next by at most its timeout.
 */
public class RateService {

    /** Provider id reported for identity pairs such as BTC_BTC, which need nobody. */
    public static final String IDENTITY_PROVIDER = "identity";

    private static final Logger LOG = Logger.getLogger(RateService.class.getName());

    private final Map<String, RateProvider> providers;
    private final RateCache cache;
    private final Clock clock;
    private final Map<String, ProviderFailure> lastFailures = new ConcurrentHashMap<>();

    public RateService(Map<String, RateProvider> providers, Duration cacheTtl, Clock clock) {
        this.providers = Map.copyOf(providers);
        this.clock = clock;
        this.cache = new RateCache(cacheTtl, clock);
    }

    /** Only for CDI, which needs a no-argument constructor to create the client proxy of a normal-scoped bean. */
    protected RateService() {
        this(Map.of(), Duration.ZERO, Clock.systemUTC());
    }

    /**
     * The first rate any provider in {@code providerOrder} can give.
     *
     * @throws RatesUnavailableException if none can, naming each provider's reason
     */
    public Rate rate(CurrencyPair pair, List<String> providerOrder) {
        if (pair.isIdentity()) {
            return new Rate(pair, BigDecimal.ONE, IDENTITY_PROVIDER, clock.instant());
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String providerId : providerOrder) {
            RateProvider provider = providers.get(providerId);
            if (provider == null) {
                reasons.put(providerId, "no such provider (known: " + providers.keySet() + ")");
                continue;
            }
            try {
                return cache.get(providerId, provider, pair);
            } catch (RateUnavailableException e) {
                reasons.put(providerId, e.reason());
                lastFailures.put(providerId, new ProviderFailure(providerId, pair, e.reason(), clock.instant()));
                LOG.log(Level.WARNING, "Rate provider {0} failed for {1}: {2}",
                        new Object[] {providerId, pair, e.reason()});
            }
        }
        throw new RatesUnavailableException(pair, reasons);
    }

    /** The most recent failure of each provider that has failed at least once, for health reporting. */
    public Map<String, ProviderFailure> lastFailures() {
        return Map.copyOf(lastFailures);
    }

    public Set<String> providerIds() {
        return providers.keySet();
    }
}
