package io.chaintill.domain.payout;

/**
 * A pull-payment or payout operation the current state refuses, with BTCPay's well-known error code
 * ({@code invalid-state}, {@code archived}, {@code expired}, {@code not-started}, {@code overdraft}, ...): HTTP 400.
 */
public class PayoutRefusedException extends RuntimeException {
    private final String code;

    public PayoutRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
