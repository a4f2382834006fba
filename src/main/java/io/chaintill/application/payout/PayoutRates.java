package io.chaintill.application.payout;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.store.Store;
import io.chaintill.rates.CurrencyPair;
import io.chaintill.rates.RateService;
import io.chaintill.rates.RatesConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The rate a payout is approved at: units of the payout currency per unit of the pull payment's currency, from the
 * store's rate providers (as invoices are priced), or from the fixed price the merchant gives (Greenfield's
 * {@code rateRule} as a decimal: the price of one payout unit in the pull payment's currency).
 */
@ApplicationScoped
public class PayoutRates {
    private static final int SCALE = 20;

    @Inject
    RateService rates;
    @Inject
    RatesConfiguration configuration;

    public BigDecimal rate(Store store, String originalCurrency, String payoutCurrency, String rateRule) {
        if (originalCurrency.equals(payoutCurrency)) {
            return BigDecimal.ONE;
        }
        BigDecimal price;
        if (rateRule != null) {
            if (rateRule.length() > 40 || !rateRule.strip().matches("[0-9]{1,20}(\\.[0-9]{1,20})?")) {
                throw new InvalidInputException("rateRule", "only a fixed decimal price is supported (e.g. 65000.5)");
            }
            price = new BigDecimal(rateRule.strip());
            if (price.signum() <= 0) {
                throw new InvalidInputException("rateRule", "must be positive");
            }
        } else {
            price = price(store, payoutCurrency, originalCurrency);
        }
        return BigDecimal.ONE.divide(price, SCALE, RoundingMode.DOWN);
    }

    /** The market price of one unit of {@code asset} in {@code currency} now, from the store's rate providers. */
    public BigDecimal price(Store store, String asset, String currency) {
        if (asset.equals(currency)) {
            return BigDecimal.ONE;
        }
        List<String> providers = store.settings().rateProviders().isEmpty() ? configuration.providerOrder()
                : store.settings().rateProviders();
        return rates.rate(new CurrencyPair(asset, currency), providers).value();
    }
}
