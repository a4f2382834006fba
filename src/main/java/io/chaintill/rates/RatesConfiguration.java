package io.chaintill.rates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the rate providers from MicroProfile Config (see docs/rates.md). Deliberately thin: every rule lives in
 * the plain classes, which are tested without a container.
 */
@ApplicationScoped
public class RatesConfiguration {

    @Inject
    @ConfigProperty(name = "chaintill.rates.providers", defaultValue = "kraken,coinbase")
    String providers;

    @Inject
    @ConfigProperty(name = "chaintill.rates.cache-seconds", defaultValue = "60")
    long cacheSeconds;

    @Inject
    @ConfigProperty(name = "chaintill.rates.timeout-ms", defaultValue = "5000")
    long timeoutMillis;

    @Inject
    @ConfigProperty(name = "chaintill.rates.kraken.url", defaultValue = "https://api.kraken.com")
    String krakenUrl;

    @Inject
    @ConfigProperty(name = "chaintill.rates.coinbase.url", defaultValue = "https://api.coinbase.com")
    String coinbaseUrl;

    @Inject
    @ConfigProperty(name = "chaintill.rates.bitstamp.url", defaultValue = "https://www.bitstamp.net")
    String bitstampUrl;

    // Optional because MicroProfile Config treats an empty value as missing; unset means "no fixed rates".
    @Inject
    @ConfigProperty(name = "chaintill.rates.fixed")
    Optional<String> fixedTable;

    @Inject
    @ConfigProperty(name = "chaintill.rates.usd-pegged", defaultValue = "USDC,USDT")
    List<String> usdPegged;

    @Inject
    @ConfigProperty(name = "chaintill.rates.peg-band", defaultValue = "0.98..1.02")
    String pegBand;

    /**
     * The producer below runs lazily (on first use of the proxy); checking here at deployment makes a typo in
     * any rates key stop the server at startup instead of failing the first checkout.
     */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        rateService();
        providerOrder();
        pegBand();
    }

    @Produces
    @ApplicationScoped
    public PeggedPricing peggedPricing(RateService rates) {
        return new PeggedPricing(rates, Set.copyOf(usdPegged), pegBand());
    }

    private PegBand pegBand() {
        try {
            return PegBand.parse(pegBand);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("chaintill.rates.peg-band: " + e.getMessage(), e);
        }
    }

    @Produces
    @ApplicationScoped
    public RateService rateService() {
        if (cacheSeconds < 0) {
            throw new IllegalArgumentException("chaintill.rates.cache-seconds must not be negative");
        }
        return new RateService(allProviders(), Duration.ofSeconds(cacheSeconds), Clock.systemUTC());
    }

    /** The configured default order ({@code chaintill.rates.providers}), e.g. [kraken, coinbase]. */
    public List<String> providerOrder() {
        return ProviderOrder.parse(providers, allProviderIds());
    }

    private Map<String, RateProvider> allProviders() {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("chaintill.rates.timeout-ms must be positive");
        }
        Duration timeout = Duration.ofMillis(timeoutMillis);
        Map<String, RateProvider> all = new LinkedHashMap<>();
        all.put(KrakenRateProvider.ID, new KrakenRateProvider(URI.create(krakenUrl.trim()), timeout, timeout));
        all.put(CoinbaseRateProvider.ID, new CoinbaseRateProvider(URI.create(coinbaseUrl.trim()), timeout, timeout));
        all.put(BitstampRateProvider.ID, new BitstampRateProvider(URI.create(bitstampUrl.trim()), timeout, timeout));
        all.put(FixedRateProvider.ID, FixedRateProvider.parse(fixedTable.orElse("")));
        return all;
    }

    private static Set<String> allProviderIds() {
        return Set.of(KrakenRateProvider.ID, CoinbaseRateProvider.ID, BitstampRateProvider.ID,
                FixedRateProvider.ID);
    }
}
