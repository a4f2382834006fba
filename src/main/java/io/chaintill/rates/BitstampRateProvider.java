package io.chaintill.rates;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Bitstamp public ticker: {@code GET /api/v2/ticker/btcusd/} answers
 * {@code {"timestamp":"...","last":"50000","bid":"...","ask":"...",...}} with prices as strings;
 * an unknown pair is answered with HTTP 404.
 */
public class BitstampRateProvider extends ExchangeRateProvider {

    public static final String ID = "bitstamp";
    public static final URI DEFAULT_URL = URI.create("https://www.bitstamp.net");

    public BitstampRateProvider(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        super(baseUrl, connectTimeout, readTimeout);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String tickerPath(CurrencyPair pair) {
        return "/api/v2/ticker/" + (pair.base() + pair.quote()).toLowerCase(Locale.ROOT) + "/";
    }

    @Override
    protected BigDecimal extractPrice(JsonObject body, CurrencyPair pair) throws RateUnavailableException {
        return decimal(member(body, "last", pair), "last", pair);
    }
}
