package io.chaintill.rates;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/**
 * Coinbase public spot price: {@code GET /v2/prices/BTC-USD/spot} answers
 * {@code {"data":{"amount":"50000.00","base":"BTC","currency":"USD"}}}; unknown currencies get a 4xx
 * with {@code {"errors":[{"id":...,"message":...}]}}.
 */
public class CoinbaseRateProvider extends ExchangeRateProvider {

    public static final String ID = "coinbase";
    public static final URI DEFAULT_URL = URI.create("https://api.coinbase.com");

    public CoinbaseRateProvider(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        super(baseUrl, connectTimeout, readTimeout);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String tickerPath(CurrencyPair pair) {
        return "/v2/prices/" + pair.base() + "-" + pair.quote() + "/spot";
    }

    @Override
    protected BigDecimal extractPrice(JsonObject body, CurrencyPair pair) throws RateUnavailableException {
        JsonObject data = memberObject(body, "data", pair);
        // The echo of base/currency guards against a proxy or API change answering a different pair.
        requireEcho(data, "base", pair.base(), pair);
        requireEcho(data, "currency", pair.quote(), pair);
        return decimal(member(data, "amount", pair), "data.amount", pair);
    }

    private void requireEcho(JsonObject data, String field, String expected, CurrencyPair pair)
            throws RateUnavailableException {
        JsonValue echoed = data.get(field);
        if (echoed instanceof JsonString && !((JsonString) echoed).getString().equalsIgnoreCase(expected)) {
            throw failure(pair, "answered for " + field + " " + ((JsonString) echoed).getString()
                    + " instead of " + expected);
        }
    }
}
