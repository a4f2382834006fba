package io.chaintill.webhook;

import io.chaintill.net.NetworkErrors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one attempt: checks the target address, signs the stored body with a fresh timestamp, POSTs it, and
 * turns whatever happens into an {@link AttemptOutcome}. Never throws for a failed send; no database access.
 */
public final class WebhookSender {
    static final String USER_AGENT = "ChainTill-Webhook/1";

    private final HttpClient http;
    private final PrivateAddressGuard guard;
    private final WebhookSigner signer = new WebhookSigner();
    private final Duration requestTimeout;
    private final Clock clock;

    public WebhookSender(Duration connectTimeout, Duration requestTimeout, PrivateAddressGuard guard, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // A redirect would be a second, unchecked target: answers are taken as they come (3xx = failed).
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.guard = guard;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    public CompletableFuture<AttemptOutcome> send(ClaimedDelivery delivery) {
        URI url;
        try {
            url = URI.create(delivery.url());
            guard.check(url);
        } catch (RefusedTargetException e) {
            return CompletableFuture.completedFuture(AttemptOutcome.refusedTarget("refused: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(AttemptOutcome.refusedTarget("refused: invalid URL"));
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (delivery.secret() != null) {
            request.header(WebhookSigner.BTCPAY_SIG_HEADER, signer.btcpaySig(delivery.secret(), body))
                    .header(WebhookSigner.CHAINTILL_SIGNATURE_HEADER,
                            signer.chainTillSignature(delivery.secret(), body, clock.instant().getEpochSecond()));
        }
        long started = System.nanoTime();
        // The request timeout covers the wait for the response headers; a receiver trickling its response body
        // gets as long again, then the attempt counts as a timeout.
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .orTimeout(requestTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    long latency = (System.nanoTime() - started) / 1_000_000;
                    if (error == null) {
                        return AttemptOutcome.answered(response.statusCode(), RetryAfter.parse(
                                response.headers().firstValue("Retry-After").orElse(null), clock.instant()).orElse(null), latency);
                    }
                    return AttemptOutcome.noAnswer(describe(error), latency);
                });
    }

    private static String describe(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return "timeout: no answer within the time limit";
        }
        return NetworkErrors.describe(e);
    }
}
