package io.chaintill.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service against real HTTP providers talking to a local recorded exchange. */
class RateServiceTest {

    private static final CurrencyPair BTC_USD = CurrencyPair.parse("BTC_USD");
    private static final String KRAKEN_PATH = "/0/public/Ticker?pair=XBTUSD";
    private static final String COINBASE_PATH = "/v2/prices/BTC-USD/spot";
    private static final List<String> KRAKEN_THEN_COINBASE = List.of("kraken", "coinbase");
    private static final Duration TTL = Duration.ofSeconds(60);

    private final StubExchange exchange = new StubExchange();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final RateService service = new RateService(Map.of(
            "kraken", new KrakenRateProvider(exchange.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            "coinbase", new CoinbaseRateProvider(exchange.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            "fixed", FixedRateProvider.parse("BTC_USD:50000")),
            TTL, clock);

    @AfterEach
    void stop() {
        exchange.close();
    }

    @Test
    void firstProviderAnswers() {
        exchange.serve(KRAKEN_PATH, 200, "kraken-ticker-xbtusd.json");
        exchange.serve(COINBASE_PATH, 200, "coinbase-spot-btc-usd.json");

        Rate rate = service.rate(BTC_USD, KRAKEN_THEN_COINBASE);

        assertEquals(new Rate(BTC_USD, new BigDecimal("67251.10000"), "kraken", clock.instant()), rate);
        assertEquals(0, exchange.count(COINBASE_PATH));
    }

    @Test
    void fallsBackWhenFirstFailsAndRecordsTheFailure() {
        exchange.serveText(KRAKEN_PATH, 500, "", 0);
        exchange.serve(COINBASE_PATH, 200, "coinbase-spot-btc-usd.json");

        Rate rate = service.rate(BTC_USD, KRAKEN_THEN_COINBASE);

        assertEquals("coinbase", rate.providerId());
        assertEquals(new BigDecimal("67234.565"), rate.value());
        assertEquals(List.of(KRAKEN_PATH, COINBASE_PATH), exchange.requests());
        ProviderFailure failure = service.lastFailures().get("kraken");
        assertEquals(BTC_USD, failure.pair());
        assertTrue(failure.reason().startsWith("HTTP 500"), failure.reason());
        assertEquals(clock.instant(), failure.at());
    }

    @Test
    void orderIsTheCallersChoice() {
        exchange.serve(KRAKEN_PATH, 200, "kraken-ticker-xbtusd.json");
        exchange.serve(COINBASE_PATH, 200, "coinbase-spot-btc-usd.json");

        assertEquals("coinbase", service.rate(BTC_USD, List.of("coinbase", "kraken")).providerId());
        assertEquals(new BigDecimal("50000"), service.rate(BTC_USD, List.of("fixed", "kraken")).value());
        assertEquals(0, exchange.count(KRAKEN_PATH));
    }

    @Test
    void allFailingNamesThePairAndEveryReason() {
        exchange.serveText(KRAKEN_PATH, 200, "not json", 0);
        exchange.serveText(COINBASE_PATH, 502, "Bad Gateway", 0);

        RatesUnavailableException e = assertThrows(RatesUnavailableException.class,
                () -> service.rate(BTC_USD, List.of("kraken", "coinbase", "bitstamp")));

        assertEquals(BTC_USD, e.pair());
        assertEquals(List.of("kraken", "coinbase", "bitstamp"), new ArrayList<>(e.reasonsByProvider().keySet()));
        String message = e.getMessage();
        assertTrue(message.startsWith("No exchange rate for BTC_USD: "), message);
        assertTrue(message.contains("kraken: malformed JSON"), message);
        assertTrue(message.contains("coinbase: HTTP 502"), message);
        assertTrue(message.contains("bitstamp: no such provider"), message);
    }

    @Test
    void noProvidersIsUnavailableToo() {
        RatesUnavailableException e =
                assertThrows(RatesUnavailableException.class, () -> service.rate(BTC_USD, List.of()));

        assertTrue(e.getMessage().contains("BTC_USD"), e.getMessage());
    }

    @Test
    void identityPairIsOneWithoutAskingAnyone() {
        Rate rate = service.rate(CurrencyPair.parse("BTC_BTC"), KRAKEN_THEN_COINBASE);

        assertEquals(BigDecimal.ONE, rate.value());
        assertEquals(RateService.IDENTITY_PROVIDER, rate.providerId());
        assertEquals(List.of(), exchange.requests());
    }

    @Test
    void cachesWithinTtlAndRefetchesAfter() {
        exchange.serve(KRAKEN_PATH, 200, "kraken-ticker-xbtusd.json");
        Rate first = service.rate(BTC_USD, KRAKEN_THEN_COINBASE);

        clock.advance(TTL.minusSeconds(1));
        Rate second = service.rate(BTC_USD, KRAKEN_THEN_COINBASE);

        assertSame(first, second);
        assertEquals(1, exchange.count(KRAKEN_PATH));

        clock.advance(Duration.ofSeconds(1));
        Rate third = service.rate(BTC_USD, KRAKEN_THEN_COINBASE);

        assertEquals(2, exchange.count(KRAKEN_PATH));
        assertEquals(clock.instant(), third.fetchedAt());
    }

    @Test
    void failuresAreNotCachedButAnswersArePerProvider() {
        exchange.serveText(KRAKEN_PATH, 500, "", 0);
        exchange.serve(COINBASE_PATH, 200, "coinbase-spot-btc-usd.json");
        service.rate(BTC_USD, KRAKEN_THEN_COINBASE);

        exchange.serve(KRAKEN_PATH, 200, "kraken-ticker-xbtusd.json");
        Rate recovered = service.rate(BTC_USD, KRAKEN_THEN_COINBASE);

        assertEquals("kraken", recovered.providerId());
        assertEquals(2, exchange.count(KRAKEN_PATH));
        assertEquals("coinbase", service.rate(BTC_USD, List.of("coinbase")).providerId());
        assertEquals(1, exchange.count(COINBASE_PATH));
    }

    @Test
    void zeroTtlMeansNoCaching() {
        exchange.serve(COINBASE_PATH, 200, "coinbase-spot-btc-usd.json");
        RateService uncached = new RateService(Map.of("coinbase",
                new CoinbaseRateProvider(exchange.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(2))),
                Duration.ZERO, clock);

        uncached.rate(BTC_USD, List.of("coinbase"));
        uncached.rate(BTC_USD, List.of("coinbase"));

        assertEquals(2, exchange.count(COINBASE_PATH));
    }

    @Test
    void hangingFirstProviderDelaysTheSecondOnlyByItsTimeout() {
        exchange.serveSlowly(KRAKEN_PATH, "kraken-ticker-xbtusd.json", 20_000);
        exchange.serve(COINBASE_PATH, 200, "coinbase-spot-btc-usd.json");
        long start = System.nanoTime();

        Rate rate = service.rate(BTC_USD, KRAKEN_THEN_COINBASE);

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("coinbase", rate.providerId());
        assertTrue(elapsedMillis < 3_500, "took " + elapsedMillis + " ms");
        assertTrue(service.lastFailures().get("kraken").reason().contains("timed out"));
    }

    @Test
    void misbehavingProviderIsAFailureNotACrash() {
        RateProvider broken = new RateProvider() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public BigDecimal rate(CurrencyPair pair) {
                throw new IllegalStateException("bug");
            }
        };
        RateProvider zero = new RateProvider() {
            @Override
            public String id() {
                return "zero";
            }

            @Override
            public BigDecimal rate(CurrencyPair pair) {
                return BigDecimal.ZERO;
            }
        };
        RateService withBadProviders = new RateService(
                Map.of("broken", broken, "zero", zero, "fixed", FixedRateProvider.parse("BTC_USD:1")), TTL, clock);

        Rate rate = withBadProviders.rate(BTC_USD, List.of("broken", "zero", "fixed"));

        assertEquals("fixed", rate.providerId());
        assertTrue(withBadProviders.lastFailures().get("broken").reason().contains("bug"));
        assertTrue(withBadProviders.lastFailures().get("zero").reason().contains("non-positive"));
    }

    @Test
    void parallelCallersOnAColdCacheShareOneFetch() throws Exception {
        exchange.serveSlowly(COINBASE_PATH, "coinbase-spot-btc-usd.json", 200);
        RateService patient = new RateService(Map.of("coinbase",
                new CoinbaseRateProvider(exchange.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(2))),
                TTL, clock);
        int callers = 32;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Rate>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Rate> call = () -> {
                    start.await();
                    return patient.rate(BTC_USD, List.of("coinbase"));
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Rate> answer : answers) {
                assertEquals(new BigDecimal("67234.565"), answer.get(10, TimeUnit.SECONDS).value());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, exchange.count(COINBASE_PATH));
    }

    @Test
    void parallelCallersShareAFailureInsteadOfQueueingBehindIt() throws Exception {
        exchange.serveSlowly(KRAKEN_PATH, "kraken-ticker-xbtusd.json", 20_000);
        exchange.serve(COINBASE_PATH, 200, "coinbase-spot-btc-usd.json");
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long began = System.nanoTime();
        try {
            List<Future<Rate>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return service.rate(BTC_USD, KRAKEN_THEN_COINBASE);
                }));
            }
            start.countDown();
            for (Future<Rate> answer : answers) {
                assertEquals("coinbase", answer.get(10, TimeUnit.SECONDS).providerId());
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsedMillis = (System.nanoTime() - began) / 1_000_000;
        // serially that would be 16 x the 2 s budget; shared it is about one budget
        assertTrue(elapsedMillis < 6_000, "took " + elapsedMillis + " ms");
    }
}
