package io.chaintill.rates;

import io.chaintill.json.Json;
import io.chaintill.net.NetworkErrors;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A provider backed by a public exchange ticker over HTTPS. Subclasses say which URL to ask and where the
 * price sits in the JSON; this class does the HTTP call, the time limit and turns every way it can go wrong
 * into {@link RateUnavailableException}.
 */
public abstract class ExchangeRateProvider implements RateProvider {

    /** A reader factory is thread-safe and avoids a service-loader lookup per response. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
    private static final int MAX_BODY_IN_REASON = 200;

    private final String baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient http;

    protected ExchangeRateProvider(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String text = baseUrl.toString();
        // Operators may or may not write the trailing slash; paths are appended as "/...".
        this.baseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        this.readTimeout = requirePositive(readTimeout, "readTimeout");
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Path and query for the ticker of {@code pair}, starting with "/". */
    protected abstract String tickerPath(CurrencyPair pair) throws RateUnavailableException;

    /** Finds the price in a 200 response; may throw ClassCastException etc. on odd shapes, which are mapped here. */
    protected abstract BigDecimal extractPrice(JsonObject body, CurrencyPair pair) throws RateUnavailableException;

    @Override
    public final BigDecimal rate(CurrencyPair pair) throws RateUnavailableException {
        Objects.requireNonNull(pair, "pair");
        JsonObject body = fetch(URI.create(baseUrl + tickerPath(pair)), pair);
        BigDecimal price;
        try {
            price = extractPrice(body, pair);
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | JsonException e) {
            // jakarta.json getters throw these when a field has an unexpected type; the exchange changed its format.
            // the exception's message names Java classes; the cause keeps it for the log
            throw failure(pair, "unexpected response shape", e);
        }
        if (price.signum() <= 0) {
            throw failure(pair, "price is not positive: " + price.toPlainString());
        }
        return price;
    }

    protected final RateUnavailableException failure(CurrencyPair pair, String reason) {
        return new RateUnavailableException(id(), pair, reason);
    }

    protected final RateUnavailableException failure(CurrencyPair pair, String reason, Throwable cause) {
        return new RateUnavailableException(id(), pair, reason, cause);
    }

    /** The member {@code name} of {@code object}, or a failure naming the missing field. */
    protected final JsonValue member(JsonObject object, String name, CurrencyPair pair)
            throws RateUnavailableException {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw failure(pair, "response has no '" + name + "' field");
        }
        return value;
    }

    protected final JsonObject memberObject(JsonObject object, String name, CurrencyPair pair)
            throws RateUnavailableException {
        JsonValue value = member(object, name, pair);
        if (!(value instanceof JsonObject)) {
            throw failure(pair, "'" + name + "' is not an object");
        }
        return (JsonObject) value;
    }

    /**
     * A price from a JSON string ("50000.1") or number, taken from its text: exchanges quote prices as
     * strings precisely so they never pass through binary floating point, and neither do we.
     */
    protected final BigDecimal decimal(JsonValue value, String field, CurrencyPair pair)
            throws RateUnavailableException {
        try {
            if (value instanceof JsonString) {
                return new BigDecimal(((JsonString) value).getString().trim());
            }
            if (value instanceof JsonNumber) {
                return ((JsonNumber) value).bigDecimalValue();
            }
        } catch (NumberFormatException e) {
            throw failure(pair, "'" + field + "' is not a decimal number: " + value, e);
        }
        throw failure(pair, "'" + field + "' is not a number: " + value);
    }

    /** Element 0 of a JSON array member, as Kraken nests its prices. */
    protected final JsonValue firstElement(JsonValue value, String field, CurrencyPair pair)
            throws RateUnavailableException {
        if (!(value instanceof JsonArray) || ((JsonArray) value).isEmpty()) {
            throw failure(pair, "'" + field + "' is not a non-empty array");
        }
        return ((JsonArray) value).get(0);
    }

    private JsonObject fetch(URI uri, CurrencyPair pair) throws RateUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "ChainTill")
                .GET()
                .build();
        HttpResponse<String> response = send(request, pair);
        if (response.statusCode() != 200) {
            throw failure(pair, "HTTP " + response.statusCode() + " from " + uri.getHost()
                    + bodyExcerpt(response.body()));
        }
        return parseObject(response.body(), pair);
    }

    /**
     * Waits at most connect + read timeout in total. HttpRequest.timeout alone may stop counting once the
     * response headers arrive, so a server that trickles its body could otherwise hold the caller indefinitely.
     */
    private HttpResponse<String> send(HttpRequest request, CurrencyPair pair) throws RateUnavailableException {
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        long budgetMillis = connectTimeout.plus(readTimeout).toMillis();
        try {
            return call.get(budgetMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw failure(pair, "timed out after " + budgetMillis + " ms", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(pair, "interrupted while waiting for the exchange", e);
        } catch (ExecutionException e) {
            throw failure(pair, describeIoFailure(e.getCause()), e.getCause());
        }
    }

    private String describeIoFailure(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + connectTimeout.toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out after " + readTimeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "cannot connect: " + NetworkErrors.describe(cause);
        }
        return "request failed: " + NetworkErrors.describe(cause);
    }

    private JsonObject parseObject(String body, CurrencyPair pair) throws RateUnavailableException {
        JsonStructure parsed;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            parsed = reader.read();
        } catch (JsonException | IllegalStateException e) {
            throw failure(pair, "malformed JSON" + bodyExcerpt(body), e);
        }
        if (!(parsed instanceof JsonObject)) {
            throw failure(pair, "response is not a JSON object" + bodyExcerpt(body));
        }
        return (JsonObject) parsed;
    }

    /** A short, single-line excerpt so error pages (often HTML) help the operator without flooding the log. */
    private static String bodyExcerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        if (oneLine.length() > MAX_BODY_IN_REASON) {
            oneLine = oneLine.substring(0, MAX_BODY_IN_REASON) + "...";
        }
        return ": " + oneLine;
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }
}
