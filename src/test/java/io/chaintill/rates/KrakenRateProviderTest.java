package io.chaintill.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KrakenRateProviderTest {

    private static final String BTC_USD_PATH = "/0/public/Ticker?pair=XBTUSD";
    private static final CurrencyPair BTC_USD = CurrencyPair.parse("BTC_USD");

    private final StubExchange exchange = new StubExchange();
    private final KrakenRateProvider kraken =
            new KrakenRateProvider(exchange.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        exchange.close();
    }

    @Test
    void readsLastTradePriceExactlyAsQuoted() throws Exception {
        exchange.serve(BTC_USD_PATH, 200, "kraken-ticker-xbtusd.json");

        BigDecimal rate = kraken.rate(BTC_USD);

        // equals (not compareTo): the scale of the quoted text survives, i.e. no double was involved
        assertEquals(new BigDecimal("67251.10000"), rate);
        assertEquals(List.of(BTC_USD_PATH), exchange.requests());
    }

    @Test
    void mapsBitcoinToXbtAndFindsDoublyPrefixedCryptoQuote() throws Exception {
        exchange.serve("/0/public/Ticker?pair=ETHXBT", 200, "kraken-ticker-ethxbt.json");

        assertEquals(new BigDecimal("0.052005"), kraken.rate(CurrencyPair.parse("ETH_BTC")));
    }

    @Test
    void findsUnprefixedKeysOfNewerAssets() throws Exception {
        exchange.serve("/0/public/Ticker?pair=SOLUSD", 200, "kraken-ticker-solusd.json");

        assertEquals(new BigDecimal("145.22500"), kraken.rate(CurrencyPair.parse("SOL_USD")));
    }

    @Test
    void ignoresWarnings() throws Exception {
        exchange.serve(BTC_USD_PATH, 200, "kraken-ticker-warning.json");

        assertEquals(new BigDecimal("67251.10000"), kraken.rate(BTC_USD));
    }

    @Test
    void unknownPairReportedInErrorArrayIsUnavailable() {
        exchange.serve("/0/public/Ticker?pair=FOOUSD", 200, "kraken-unknown-pair.json");

        RateUnavailableException e = assertThrows(RateUnavailableException.class,
                () -> kraken.rate(CurrencyPair.parse("FOO_USD")));

        assertEquals("kraken", e.providerId());
        assertEquals(CurrencyPair.parse("FOO_USD"), e.pair());
        assertTrue(e.reason().contains("unknown pair"), e.reason());
        assertTrue(e.reason().contains("EQuery:Unknown asset pair"), e.reason());
    }

    @Test
    void answerForAnotherPairIsNotMistakenForOurs() {
        // asked for ETH_USD, got a BTC ticker back: must not price ETH at the BTC price
        exchange.serve("/0/public/Ticker?pair=ETHUSD", 200, "kraken-ticker-xbtusd.json");

        RateUnavailableException e = assertThrows(RateUnavailableException.class,
                () -> kraken.rate(CurrencyPair.parse("ETH_USD")));

        assertTrue(e.reason().contains("XXBTZUSD"), e.reason());
    }

    @Test
    void serverErrorIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 500, "<html>Internal Server Error</html>", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> kraken.rate(BTC_USD));

        assertTrue(e.reason().startsWith("HTTP 500"), e.reason());
    }

    @Test
    void malformedJsonIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 200, "{\"error\":[],\"result\":{\"XXBTZUSD\":{\"c\":[\"672", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> kraken.rate(BTC_USD));

        assertTrue(e.reason().startsWith("malformed JSON"), e.reason());
    }

    @Test
    void missingLastTradeIsUnavailable() {
        exchange.serve(BTC_USD_PATH, 200, "kraken-ticker-missing-last.json");

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> kraken.rate(BTC_USD));

        assertTrue(e.reason().contains("'c'"), e.reason());
    }

    @Test
    void missingResultIsUnavailable() {
        exchange.serveText(BTC_USD_PATH, 200, "{\"error\":[]}", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> kraken.rate(BTC_USD));

        assertTrue(e.reason().contains("'result'"), e.reason());
    }

    @Test
    void wronglyTypedFieldsAreUnavailableNotRuntimeErrors() {
        exchange.serveText(BTC_USD_PATH, 200, "{\"error\":\"none\",\"result\":[]}", 0);

        assertThrows(RateUnavailableException.class, () -> kraken.rate(BTC_USD));

        exchange.serveText(BTC_USD_PATH, 200, "{\"error\":[],\"result\":{\"XXBTZUSD\":{\"c\":[true]}}}", 0);

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> kraken.rate(BTC_USD));
        assertTrue(e.reason().contains("not a number"), e.reason());
    }

    @Test
    void zeroPriceIsUnavailable() {
        exchange.serve(BTC_USD_PATH, 200, "kraken-ticker-zero-price.json");

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> kraken.rate(BTC_USD));

        assertTrue(e.reason().contains("not positive"), e.reason());
    }

    @Test
    void slowAnswerTimesOutWithinBudget() {
        exchange.serveSlowly(BTC_USD_PATH, "kraken-ticker-xbtusd.json", 5_000);
        long start = System.nanoTime();

        RateUnavailableException e = assertThrows(RateUnavailableException.class, () -> kraken.rate(BTC_USD));

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.reason().contains("timed out"), e.reason());
        assertTrue(elapsedMillis < 3_000, "took " + elapsedMillis + " ms");
    }

    @Test
    void unreachableExchangeIsUnavailable() {
        StubExchange gone = new StubExchange();
        KrakenRateProvider pointingNowhere =
                new KrakenRateProvider(gone.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1));
        gone.close();

        RateUnavailableException e =
                assertThrows(RateUnavailableException.class, () -> pointingNowhere.rate(BTC_USD));

        assertTrue(e.getMessage().startsWith("kraken has no rate for BTC_USD"), e.getMessage());
    }

    @Test
    void pricesEtherUnderItsXPrefixedName() throws Exception {
        exchange.serve("/0/public/Ticker?pair=ETHUSD", 200, "kraken-ticker-ethusd.json");

        assertEquals(new BigDecimal("2512.34000"), kraken.rate(CurrencyPair.parse("ETH_USD")));
    }

    @Test
    void pricesStablecoinsAtTheirMarketRateNotOneToOne() throws Exception {
        exchange.serve("/0/public/Ticker?pair=USDTUSD", 200, "kraken-ticker-usdtusd.json");
        exchange.serve("/0/public/Ticker?pair=USDCUSD", 200, "kraken-ticker-usdcusd.json");

        // Kraken answers USDTUSD as "USDTZUSD" (Z-prefixed fiat only) and USDCUSD unprefixed
        assertEquals(new BigDecimal("1.00020000"), kraken.rate(CurrencyPair.parse("USDT_USD")));
        assertEquals(new BigDecimal("0.99980000"), kraken.rate(CurrencyPair.parse("USDC_USD")));
    }
}
