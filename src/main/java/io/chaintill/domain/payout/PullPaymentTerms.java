package io.chaintill.domain.payout;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What a pull payment promises, checked once here whoever creates it (the API, a refund). */
public record PullPaymentTerms(String name, String description, BigDecimal amount, String currency,
                               List<PaymentMethodId> payoutMethods, Instant startsAt, Instant expiresAt,
                               boolean autoApproveClaims, String invoiceId) {
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;

    public PullPaymentTerms {
        if (name != null && name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "must be at most " + MAX_NAME + " characters");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (amount == null) {
            throw new InvalidInputException("amount", "is required");
        }
        if (amount.signum() <= 0) {
            throw new InvalidInputException("amount", "must be positive");
        }
        if (payoutMethods == null || payoutMethods.isEmpty()) {
            throw new InvalidInputException("payoutMethods", "at least one payout method is required");
        }
        payoutMethods = List.copyOf(new java.util.LinkedHashSet<>(payoutMethods));
        if (startsAt != null && expiresAt != null && !expiresAt.isAfter(startsAt)) {
            throw new InvalidInputException("expiresAt", "must be after startsAt");
        }
    }
}
