package io.chaintill.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoinbaseRateProviderTest {

    private static final String BTC_USD_PATH = "/v2/prices/BTC-USD/spot";
    private static final CurrencyPair BTC_USD = CurrencyPair.parse("BTC_USD");

    private final StubExchange exchange = new StubExchange();
    private final CoinbaseRateProvider coinbase =
            new CoinbaseRateProvider(exchange.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        exchange.close();
    }

    @Test
    void readsSpotAmount() throws Exception {
        exchange.serve(BTC_USD_PATH, 200, "coinbase-spot-btc-usd.json");

        assertEquals(new BigDecimal("67234.565"), coinbase.rate(BTC_USD));
        assertEquals(List.of(BTC_USD_PATH), exchange.requests());
    }

    @Test
    void baseUrlWithTrailingSlashWorks() throws Exception {
        exchange.serve(BTC_USD_PATH, 200, "coinbase-spot-btc-usd.json");
        CoinbaseRateProvider slashed = new CoinbaseRateProvider(
                URI.create(exchange.baseUrl() + "/"), Duration.ofSeconds(2), Duration.ofSeconds(2));

        assertEquals(new BigDecimal("67234.565"), slashed.rate(BTC_USD));
    }

    @Test
    void unknownCurrencyIsUnavailableWithExchangeMessage() {
        exchange.serve("/v2/prices/FOO-USD/spot", 400, "coinbase-invalid-currency.json");

        RateUnavailableException e = assertThrows(RateUnavailableException.class,
                () -> coinbase.rate(CurrencyPair.parse("FOO_USD")));

        assertEquals("coinbase", e.providerId());
        assertTrue(e.reason().startsWith("HTTP 400"), e.reason());
        assertTrue(e.reason().contains("Invalid base currency"), e.reason());
    }

    @Test
    void serverErrorIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 500, "", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> coinbase.rate(BTC_USD));

        assertTrue(e.reason().startsWith("HTTP 500"), e.reason());
    }

    @Test
    void malformedJsonIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 200, "{\"data\": {\"amount\": 67234.565,", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> coinbase.rate(BTC_USD));

        assertTrue(e.reason().startsWith("malformed JSON"), e.reason());
    }

    @Test
    void nonObjectJsonIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 200, "[\"67234.565\"]", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> coinbase.rate(BTC_USD));

        assertTrue(e.reason().contains("not a JSON object"), e.reason());
    }

    @Test
    void missingAmountIsUnavailable() {
        exchange.serve(BTC_USD_PATH, 200, "coinbase-spot-missing-amount.json");

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> coinbase.rate(BTC_USD));

        assertTrue(e.reason().contains("'amount'"), e.reason());
    }

    @Test
    void answerForAnotherBaseIsRejected() {
        exchange.serve(BTC_USD_PATH, 200, "coinbase-spot-other-pair.json");

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> coinbase.rate(BTC_USD));

        assertTrue(e.reason().contains("ETH instead of BTC"), e.reason());
    }

    @Test
    void negativePriceIsUnavailable() {
        exchange.serve(BTC_USD_PATH, 200, "coinbase-spot-negative.json");

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> coinbase.rate(BTC_USD));

        assertTrue(e.reason().contains("not positive"), e.reason());
    }

    @Test
    void nonNumericAmountIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 200, "{\"data\":{\"amount\":\"NaN\",\"base\":\"BTC\",\"currency\":\"USD\"}}", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> coinbase.rate(BTC_USD));

        assertTrue(e.reason().contains("not a decimal number"), e.reason());
    }

    @Test
    void slowAnswerTimesOut() {
        exchange.serveSlowly(BTC_USD_PATH, "coinbase-spot-btc-usd.json", 5_000);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> coinbase.rate(BTC_USD));

        assertTrue(e.reason().contains("timed out"), e.reason());
    }

    @Test
    void pricesEtherAndTokensByTheirSymbols() throws Exception {
        exchange.serve("/v2/prices/ETH-USD/spot", 200, "coinbase-spot-eth-usd.json");
        exchange.serve("/v2/prices/USDT-USD/spot", 200, "coinbase-spot-usdt-usd.json");

        assertEquals(new BigDecimal("2511.875"), coinbase.rate(CurrencyPair.parse("ETH_USD")));
        assertEquals(new BigDecimal("1.000185"), coinbase.rate(CurrencyPair.parse("USDT_USD")));
    }
}
