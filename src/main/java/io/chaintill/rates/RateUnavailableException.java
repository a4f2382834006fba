package io.chaintill.rates;

/** One provider could not price one pair. {@link RateService} collects these and falls back to the next provider. */
public class RateUnavailableException extends Exception {
    private final String providerId;
    private final CurrencyPair pair;
    private final String reason;

    public RateUnavailableException(String providerId, CurrencyPair pair, String reason) {
        this(providerId, pair, reason, null);
    }

    public RateUnavailableException(String providerId, CurrencyPair pair, String reason, Throwable cause) {
        super(providerId + " has no rate for " + pair + ": " + reason, cause);
        this.providerId = providerId;
        this.pair = pair;
        this.reason = reason;
    }

    public String providerId() {
        return providerId;
    }

    public CurrencyPair pair() {
        return pair;
    }

    /** Why, without the provider and pair (those are in the message). */
    public String reason() {
        return reason;
    }
}
