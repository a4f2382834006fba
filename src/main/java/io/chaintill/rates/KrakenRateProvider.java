package io.chaintill.rates;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kraken public Ticker: {@code GET /0/public/Ticker?pair=XBTUSD} answers
 * {@code {"error":[],"result":{"XXBTZUSD":{"c":["<last price>","<lot volume>"],...}}}}.
 * Kraken reports failures (unknown pair, rate limits) with HTTP 200 and a non-empty "error" array.
 */
public class KrakenRateProvider extends ExchangeRateProvider {

    public static final String ID = "kraken";
    public static final URI DEFAULT_URL = URI.create("https://api.kraken.com");

    // Kraken kept the ISO-4217-style "X" names for a few old assets.
    private static final Map<String, String> KRAKEN_ASSET = Map.of("BTC", "XBT", "DOGE", "XDG");

    public KrakenRateProvider(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        super(baseUrl, connectTimeout, readTimeout);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String tickerPath(CurrencyPair pair) {
        return "/0/public/Ticker?pair=" + asset(pair.base()) + asset(pair.quote());
    }

    @Override
    protected BigDecimal extractPrice(JsonObject body, CurrencyPair pair) throws RateUnavailableException {
        rejectErrors(body, pair);
        JsonObject result = memberObject(body, "result", pair);
        JsonObject ticker = tickerFor(result, pair);
        return decimal(firstElement(member(ticker, "c", pair), "c", pair), "c[0]", pair);
    }

    /** Entries start with "E" (error) or "W" (warning); only errors make the answer unusable. */
    private void rejectErrors(JsonObject body, CurrencyPair pair) throws RateUnavailableException {
        JsonArray errors = body.getJsonArray("error");
        if (errors == null) {
            return;
        }
        List<String> fatal = new ArrayList<>();
        for (JsonValue error : errors) {
            String text = error instanceof JsonString ? ((JsonString) error).getString() : error.toString();
            if (!text.startsWith("W")) {
                fatal.add(text);
            }
        }
        if (!fatal.isEmpty()) {
            String reason = String.join(", ", fatal);
            throw failure(pair, reason.contains("Unknown asset pair") ? "unknown pair (" + reason + ")" : reason);
        }
    }

    /**
     * The result is keyed by Kraken's internal pair name, which differs from what we asked for:
     * XBTUSD comes back as XXBTZUSD (X-prefixed crypto, Z-prefixed fiat), EURUSD as ZEURZUSD, ETHXBT as XETHXXBT,
     * newer assets such as SOLUSD unprefixed. Only those spellings of our own pair are accepted so an
     * unrelated pair in the answer is never mistaken for ours.
     */
    private JsonObject tickerFor(JsonObject result, CurrencyPair pair) throws RateUnavailableException {
        for (String key : resultKeys(pair)) {
            if (result.get(key) instanceof JsonObject) {
                return result.getJsonObject(key);
            }
        }
        throw failure(pair, "unknown pair (result has " + result.keySet() + ", expected one of " + resultKeys(pair) + ")");
    }

    private static List<String> resultKeys(CurrencyPair pair) {
        String base = asset(pair.base());
        String quote = asset(pair.quote());
        List<String> keys = new ArrayList<>();
        for (String b : List.of(base, "X" + base, "Z" + base)) { // EURUSD comes back as ZEURZUSD
            for (String q : List.of(quote, "Z" + quote, "X" + quote)) {
                keys.add(b + q);
            }
        }
        return keys;
    }

    private static String asset(String code) {
        return KRAKEN_ASSET.getOrDefault(code, code);
    }
}
