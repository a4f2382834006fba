package io.chaintill.webhook;

import java.time.Instant;

/**
 * Everything one attempt needs, read in the claim transaction so sending touches no database. {@code secret} is null
 * for an IPN, which BitPay's protocol sends unsigned.
 */
public record ClaimedDelivery(String deliveryId, int attemptNumber, String url, String secret, String body,
                              boolean automaticRedelivery, Instant firstAttemptAt, Instant claimedAt) {
}
