package io.chaintill.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stablecoin pricing against a local recorded exchange (and the fixed table for a depeg). */
class PeggedPricingTest {
    private static final List<String> KRAKEN = List.of("kraken");
    private static final List<String> COINBASE = List.of("coinbase");

    private final StubExchange exchange = new StubExchange();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final RateService rates = new RateService(Map.of(
            "kraken", new KrakenRateProvider(exchange.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            "coinbase", new CoinbaseRateProvider(exchange.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            "fixed", FixedRateProvider.parse("USDT_USD:0.97,USDC_USD:1.021,DAI_USD:0.98")),
            Duration.ofSeconds(60), clock);
    private final PeggedPricing pricing = new PeggedPricing(rates, Set.of("usdc", "USDT", "DAI"), PegBand.DEFAULT);

    @AfterEach
    void stop() {
        exchange.close();
    }

    @Test
    void aUsdTokenIsPricedFromItsMarketRateNotOneToOne() {
        exchange.serve("/0/public/Ticker?pair=USDCUSD", 200, "kraken-ticker-usdcusd.json");
        Rate r = pricing.price("USDC", "USD", KRAKEN);
        assertEquals(new BigDecimal("0.99980000"), r.value());
        assertEquals("kraken", r.providerId());
    }

    @Test
    void euroGoesThroughUsdWhenTheExchangeListsOnlyEurUsd() {
        exchange.serve("/0/public/Ticker?pair=USDCUSD", 200, "kraken-ticker-usdcusd.json");
        exchange.serve("/0/public/Ticker?pair=USDEUR", 200, "kraken-unknown-pair.json");
        exchange.serve("/0/public/Ticker?pair=EURUSD", 200, "kraken-ticker-eurusd.json");
        Rate r = pricing.price("USDC", "EUR", KRAKEN);
        // 0.9998 USD per USDC, 1 / 1.0845 EUR per USD: 0.92189949285384970032... rounded once to 18 places
        assertEquals(new BigDecimal("0.9218994928538497"), r.value());
        assertEquals(CurrencyPair.parse("USDC_EUR"), r.pair());
        assertEquals("kraken*1/kraken", r.providerId());
        assertEquals(0, exchange.count("/0/public/Ticker?pair=USDCEUR"), "the token's own EUR pair is not asked");
    }

    @Test
    void poundGoesThroughADirectUsdGbpRate() {
        exchange.serve("/v2/prices/USDT-USD/spot", 200, "coinbase-spot-usdt-usd.json");
        exchange.serve("/v2/prices/USD-GBP/spot", 200, "coinbase-spot-usd-gbp.json");
        Rate r = pricing.price("USDT", "GBP", COINBASE);
        assertEquals(new BigDecimal("0.791346372"), r.value()); // 1.000185 * 0.7912
        assertEquals("coinbase*coinbase", r.providerId());
    }

    @Test
    void noFiatRateEitherWayNamesBothPairs() {
        exchange.serve("/0/public/Ticker?pair=USDCUSD", 200, "kraken-ticker-usdcusd.json");
        exchange.serve("/0/public/Ticker?pair=USDEUR", 200, "kraken-unknown-pair.json");
        exchange.serve("/0/public/Ticker?pair=EURUSD", 200, "kraken-unknown-pair.json");
        RatesUnavailableException e = assertThrows(RatesUnavailableException.class, () -> pricing.price("USDC", "EUR", KRAKEN));
        assertTrue(e.getMessage().contains("kraken USD_EUR") && e.getMessage().contains("kraken EUR_USD"), e.getMessage());
    }

    @Test
    void aTokenBelowTheBandIsRefusedNamingTokenAndRate() {
        DepeggedException e = assertThrows(DepeggedException.class, () -> pricing.price("USDT", "EUR", List.of("fixed")));
        assertEquals("USDT", e.token());
        assertEquals(new BigDecimal("0.97"), e.usdRate().value());
        assertEquals("USDT trades at 0.97 USD (fixed), outside its peg band 0.98..1.02; invoices payable in USDT"
                + " are refused until it returns", e.getMessage());
    }

    @Test
    void aTokenAboveTheBandIsRefusedAndTheEdgeIsInside() {
        assertThrows(DepeggedException.class, () -> pricing.price("USDC", "USD", List.of("fixed")));
        assertEquals(new BigDecimal("0.98"), pricing.price("DAI", "USD", List.of("fixed")).value());
    }

    @Test
    void otherAssetsAreAskedForTheirOwnPairWithoutAGuard() {
        exchange.serve("/0/public/Ticker?pair=ETHUSD", 200, "kraken-ticker-ethusd.json");
        assertEquals("kraken", pricing.price("ETH", "USD", KRAKEN).providerId());
        assertEquals(BigDecimal.ONE, pricing.price("USDT", "USDT", KRAKEN).value(), "identity asks nobody");
    }

    @Test
    void bandParses() {
        assertEquals(new PegBand(new BigDecimal("0.95"), new BigDecimal("1.05")), PegBand.parse(" 0.95..1.05 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0.98", "1.02..0.98", "0..1", "a..b", "0.98..1.02..1.03"})
    void badBandsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> PegBand.parse(text));
    }
}
