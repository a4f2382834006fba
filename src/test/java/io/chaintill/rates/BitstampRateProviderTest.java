package io.chaintill.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BitstampRateProviderTest {

    private static final String BTC_USD_PATH = "/api/v2/ticker/btcusd/";
    private static final CurrencyPair BTC_USD = CurrencyPair.parse("BTC_USD");

    private final StubExchange exchange = new StubExchange();
    private final BitstampRateProvider bitstamp =
            new BitstampRateProvider(exchange.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        exchange.close();
    }

    @Test
    void readsLastPrice() throws Exception {
        exchange.serve(BTC_USD_PATH, 200, "bitstamp-ticker-btcusd.json");

        assertEquals(new BigDecimal("67500"), bitstamp.rate(BTC_USD));
        assertEquals(List.of(BTC_USD_PATH), exchange.requests());
    }

    @Test
    void numericPriceKeepsEveryDigit() throws Exception {
        // more digits than a double holds: proves the number is read from its text
        exchange.serveText(BTC_USD_PATH, 200, "{\"last\": 67500.123456789012345678901}", 0);

        assertEquals(new BigDecimal("67500.123456789012345678901"), bitstamp.rate(BTC_USD));
    }

    @Test
    void unknownPairIsUnavailable() {
        exchange.serve("/api/v2/ticker/foousd/", 404, "bitstamp-not-found.html");

        RateUnavailableException e = assertThrows(RateUnavailableException.class,
                () -> bitstamp.rate(CurrencyPair.parse("FOO_USD")));

        assertEquals("bitstamp", e.providerId());
        assertTrue(e.reason().startsWith("HTTP 404"), e.reason());
    }

    @Test
    void serverErrorIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 503, "{\"status\":\"error\"}", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> bitstamp.rate(BTC_USD));

        assertTrue(e.reason().startsWith("HTTP 503"), e.reason());
    }

    @Test
    void malformedJsonIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 200, "last=67500", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> bitstamp.rate(BTC_USD));

        assertTrue(e.reason().startsWith("malformed JSON"), e.reason());
    }

    @Test
    void missingLastIsUnavailable() {
        exchange.serve(BTC_USD_PATH, 200, "bitstamp-ticker-missing-last.json");

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> bitstamp.rate(BTC_USD));

        assertTrue(e.reason().contains("'last'"), e.reason());
    }

    @Test
    void nullLastIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 200, "{\"last\": null}", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> bitstamp.rate(BTC_USD));

        assertTrue(e.reason().contains("'last'"), e.reason());
    }

    @Test
    void zeroPriceIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 200, "{\"last\": \"0.00\"}", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> bitstamp.rate(BTC_USD));

        assertTrue(e.reason().contains("not positive"), e.reason());
    }

    @Test
    void slowAnswerTimesOut() {
        exchange.serveSlowly(BTC_USD_PATH, "bitstamp-ticker-btcusd.json", 5_000);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> bitstamp.rate(BTC_USD));

        assertTrue(e.reason().contains("timed out"), e.reason());
    }

    @Test
    void pricesEtherAndTokensByLowerCasePairs() throws Exception {
        exchange.serve("/api/v2/ticker/ethusd/", 200, "bitstamp-ticker-ethusd.json");
        exchange.serve("/api/v2/ticker/usdcusd/", 200, "bitstamp-ticker-usdcusd.json");

        assertEquals(new BigDecimal("2512.4"), bitstamp.rate(CurrencyPair.parse("ETH_USD")));
        assertEquals(new BigDecimal("0.99981"), bitstamp.rate(CurrencyPair.parse("USDC_USD")));
    }
}
