package io.chaintill.rates;

import io.chaintill.net.NetworkErrors;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Remembers each provider's answer per pair for a time-to-live, and lets concurrent callers asking for the
 * same (provider, pair) share one fetch. Without that, a burst of parallel invoice creations on a cold or
 * expired cache would each call the exchange (and risk its rate limit), and if the exchange hangs each
 * caller would wait out the timeout in turn. Failures are shared with callers already waiting but not cached.
 */
final class RateCache {

    private record Key(String providerId, CurrencyPair pair) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<Key, Rate> answers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, CompletableFuture<Rate>> inFlight = new ConcurrentHashMap<>();

    RateCache(Duration ttl, Clock clock) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("cache TTL must not be negative");
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    Rate get(String providerId, RateProvider provider, CurrencyPair pair) throws RateUnavailableException {
        Key key = new Key(providerId, pair);
        Rate cached = freshAnswer(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<Rate> mine = new CompletableFuture<>();
        CompletableFuture<Rate> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running, providerId, pair);
        }
        try {
            // Another caller may have stored an answer between our first look and claiming the fetch.
            Rate rate = freshAnswer(key);
            if (rate == null) {
                rate = fetch(providerId, provider, pair);
                answers.put(key, rate);
            }
            mine.complete(rate);
            return rate;
        } catch (RateUnavailableException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
            // An Error escaping the provider must not leave waiting callers blocked forever.
            mine.completeExceptionally(new RateUnavailableException(providerId, pair, "provider failed"));
        }
    }

    private Rate freshAnswer(Key key) {
        Rate rate = answers.get(key);
        if (rate != null && clock.instant().isBefore(rate.fetchedAt().plus(ttl))) {
            return rate;
        }
        return null;
    }

    /** Calls the provider and holds it to the SPI contract, since providers may be written by third parties. */
    private Rate fetch(String providerId, RateProvider provider, CurrencyPair pair) throws RateUnavailableException {
        BigDecimal value;
        try {
            value = provider.rate(pair);
        } catch (RuntimeException e) {
            throw new RateUnavailableException(providerId, pair, "provider error: " + describe(e), e);
        }
        if (value == null || value.signum() <= 0) {
            throw new RateUnavailableException(providerId, pair, "provider returned a non-positive rate: " + value);
        }
        return new Rate(pair, value, providerId, clock.instant());
    }

    private static Rate await(CompletableFuture<Rate> running, String providerId, CurrencyPair pair)
            throws RateUnavailableException {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RateUnavailableException(providerId, pair, "interrupted while waiting for a shared fetch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RateUnavailableException) {
                RateUnavailableException shared = (RateUnavailableException) e.getCause();
                throw new RateUnavailableException(providerId, pair, shared.reason(), shared);
            }
            throw new RateUnavailableException(providerId, pair, "provider error: " + describe(e.getCause()), e.getCause());
        }
    }

    /** A network failure in words; otherwise the provider's own message, never the exception's class name. */
    private static String describe(Throwable e) {
        String words = NetworkErrors.describe(e);
        boolean generic = words.equals("request failed") || words.equals("network error");
        return generic && e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : words;
    }
}
