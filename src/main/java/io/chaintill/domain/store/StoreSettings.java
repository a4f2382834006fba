package io.chaintill.domain.store;

import io.chaintill.domain.payment.SpeedPolicy;
import java.math.BigDecimal;
import java.util.List;

/** The editable part of a store, validated by the API before it reaches here. */
public record StoreSettings(String name, String website, String defaultCurrency, SpeedPolicy speedPolicy,
                            int invoiceExpirationSeconds, int monitoringExpirationSeconds,
                            BigDecimal paymentTolerance, List<String> rateProviders) {
    public StoreSettings {
        rateProviders = List.copyOf(rateProviders);
    }
}
