package io.chaintill.rates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prices a payment asset in an invoice's currency. A USD-pegged token (USDC, USDT ...) is priced from its own
 * market rate in USD, never assumed 1:1, and refused when that rate leaves the {@link PegBand}; in any other
 * currency (EUR, GBP, BTC ...) it goes through USD: {@code TOKEN_X = TOKEN_USD * USD_X}, where USD_X is asked for
 * directly or, since exchanges list fiat the other way round (EURUSD), as 1 / X_USD. Other assets are priced as
 * their pair.
 */
public class PeggedPricing {
    private static final String USD = "USD";
    /** The scale of a prompt's stored rate (NUMERIC(38, 18)): a derived rate is rounded to it once, here. */
    private static final int RATE_SCALE = 18;

    private final RateService rates;
    private final Set<String> usdPegged;
    private final PegBand band;

    public PeggedPricing(RateService rates, Set<String> usdPegged, PegBand band) {
        this.rates = rates;
        this.usdPegged = usdPegged.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.band = band;
    }

    /** Only for CDI, which needs a no-argument constructor to create the client proxy of a normal-scoped bean. */
    protected PeggedPricing() {
        this(null, Set.of(), PegBand.DEFAULT);
    }

    public boolean pegged(String asset) {
        return usdPegged.contains(asset.toUpperCase(Locale.ROOT));
    }

    public PegBand band() {
        return band;
    }

    /**
     * The price of one {@code asset} in {@code currency}.
     *
     * @throws DepeggedException if {@code asset} is USD-pegged and its USD rate is outside the band
     * @throws RatesUnavailableException if a rate it needs cannot be had
     */
    public Rate price(String asset, String currency, List<String> providers) {
        CurrencyPair pair = new CurrencyPair(asset, currency);
        if (pair.isIdentity() || !pegged(pair.base())) {
            return rates.rate(pair, providers);
        }
        Rate usd = usdRate(pair.base(), providers);
        if (pair.quote().equals(USD)) {
            return usd;
        }
        Rate fx = usdIn(pair.quote(), providers);
        return new Rate(pair, scaled(usd.value().multiply(fx.value())), usd.providerId() + "*" + fx.providerId(),
                usd.fetchedAt().isBefore(fx.fetchedAt()) ? usd.fetchedAt() : fx.fetchedAt());
    }

    /** The token's USD rate, checked against the band. */
    public Rate usdRate(String token, List<String> providers) {
        Rate usd = rates.rate(new CurrencyPair(token, USD), providers);
        if (!band.holds(usd.value())) {
            throw new DepeggedException(usd.pair().base(), usd, band);
        }
        return usd;
    }

    private static BigDecimal scaled(BigDecimal rate) {
        return rate.setScale(RATE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private Rate usdIn(String currency, List<String> providers) {
        CurrencyPair direct = new CurrencyPair(USD, currency);
        try {
            return rates.rate(direct, providers);
        } catch (RatesUnavailableException first) {
            try {
                Rate inverse = rates.rate(new CurrencyPair(currency, USD), providers);
                return new Rate(direct, BigDecimal.ONE.divide(inverse.value(), MathContext.DECIMAL128),
                        "1/" + inverse.providerId(), inverse.fetchedAt());
            } catch (RatesUnavailableException second) {
                Map<String, String> reasons = new LinkedHashMap<>();
                first.reasonsByProvider().forEach((p, r) -> reasons.put(p + " " + direct, r));
                second.reasonsByProvider().forEach((p, r) -> reasons.put(p + " " + second.pair(), r));
                throw new RatesUnavailableException(direct, reasons);
            }
        }
    }
}
