package io.chaintill.application;

import io.chaintill.rates.DepeggedException;
import io.chaintill.rates.PeggedPricing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;

/** The rate an invoice quotes a payment asset at (docs/rates.md, "Stablecoins"); a depeg also alerts the operator. */
@ApplicationScoped
public class AssetPricing {
    @Inject
    PeggedPricing pricing;
    @Inject
    DepegAlerts alerts;

    /**
     * The price of one {@code asset} in {@code currency}.
     *
     * @throws DepeggedException if a USD-pegged asset trades outside its band
     */
    public BigDecimal rate(String asset, String currency, List<String> providers) {
        if (!pricing.pegged(asset) || asset.equalsIgnoreCase(currency)) {
            return pricing.price(asset, currency, providers).value();
        }
        try {
            BigDecimal rate = pricing.price(asset, currency, providers).value();
            alerts.inBand(asset);
            return rate;
        } catch (DepeggedException e) {
            alerts.depegged(e);
            throw e;
        }
    }
}
