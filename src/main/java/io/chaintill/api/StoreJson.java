package io.chaintill.api;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.CurrencyCatalog;
import io.chaintill.domain.payment.SpeedPolicy;
import io.chaintill.domain.store.Store;
import io.chaintill.domain.store.StoreSettings;
import io.chaintill.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/** Greenfield's store JSON, both directions. */
final class StoreJson {
    static final StoreSettings DEFAULTS = new StoreSettings(null, null, "USD", SpeedPolicy.MediumSpeed, 900, 86400,
            BigDecimal.ZERO, List.of());

    private StoreJson() {
    }

    static JsonObject of(Store store) {
        StoreSettings s = store.settings();
        JsonArrayBuilder providers = Json.createArrayBuilder();
        s.rateProviders().forEach(providers::add);
        var b = Json.createObjectBuilder()
                .add("id", store.id())
                .add("name", s.name())
                .add("defaultCurrency", s.defaultCurrency())
                .add("speedPolicy", s.speedPolicy().name())
                .add("invoiceExpiration", s.invoiceExpirationSeconds())
                .add("monitoringExpiration", s.monitoringExpirationSeconds())
                .add("paymentTolerance", s.paymentTolerance())
                .add("archived", false)
                .add("anyoneCanCreateInvoice", store.anyoneCanCreateInvoice())
                .add("rateProviders", providers);
        if (s.website() == null) {
            b.addNull("website");
        } else {
            b.add("website", s.website());
        }
        UNSUPPORTED.forEach(b::add);
        return b.build();
    }

    /**
     * StoreData fields BTCPay documents for settings ChainTill does not have (branding, Lightning, checkout
     * appearance): always BTCPay's own default, so typed clients find every field; a PUT carrying them is accepted
     * and they stay at these values. docs/api.md lists them.
     */
    static final JsonObject UNSUPPORTED = Json.createObjectBuilder()
            .addNull("supportUrl").addNull("logoUrl").addNull("cssUrl").addNull("paymentSoundUrl").addNull("brandColor")
            .add("applyBrandColorToBackend", false)
            .add("additionalTrackedRates", Json.createArrayBuilder())
            .add("refundBOLT11Expiration", 30)
            .add("displayExpirationTimer", 300)
            .addNull("lightningDescriptionTemplate")
            .add("receipt", Json.createObjectBuilder().add("enabled", true).add("showQR", true).add("showPayments", true))
            .add("lightningAmountInSatoshi", false)
            .add("lightningPrivateRouteHints", false)
            .add("onChainWithLnInvoiceFallback", false)
            .add("redirectAutomatically", false)
            .add("showRecommendedFee", true)
            .add("recommendedFeeBlockTarget", 1)
            .add("defaultLang", "en")
            .addNull("htmlTitle")
            // ChainTill never adds a network fee to what the buyer owes
            .add("networkFeeMode", "Never")
            .add("payJoinEnabled", false)
            .add("autoDetectLanguage", false)
            .add("showPayInWalletButton", true)
            .add("showStoreHeader", true)
            .add("celebratePayment", true)
            .add("playSoundOnPayment", false)
            .add("lazyPaymentMethods", false)
            .add("defaultPaymentMethod", "BTC-CHAIN")
            .addNull("paymentMethodCriteria")
            .build();

    /** Reads a store body; fields left out keep {@code current}'s values (or the defaults for a new store). */
    static StoreSettings settings(JsonInput in, StoreSettings current) {
        String name = in.present("name") ? in.requiredString("name").trim() : current.name();
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "is required");
        }
        if (name.length() > 200) {
            throw new InvalidInputException("name", "must be at most 200 characters");
        }
        String website = in.present("website") ? in.string("website") : current.website();
        if (website != null && !website.isBlank()) {
            checkUrl(website, "website");
        } else {
            website = null;
        }
        String currency = in.has("defaultCurrency") ? CurrencyCatalog.require(in.string("defaultCurrency"), "defaultCurrency")
                : current.defaultCurrency();
        SpeedPolicy speed = in.has("speedPolicy") ? SpeedPolicy.parse(in.string("speedPolicy"), "speedPolicy") : current.speedPolicy();
        int expiration = range(in.integer("invoiceExpiration"), current.invoiceExpirationSeconds(), 60, 30 * 86400, "invoiceExpiration");
        int monitoring = range(in.integer("monitoringExpiration"), current.monitoringExpirationSeconds(), 0, 60 * 86400, "monitoringExpiration");
        BigDecimal tolerance = in.has("paymentTolerance") ? in.decimal("paymentTolerance") : current.paymentTolerance();
        if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("paymentTolerance", "must be between 0 and 100");
        }
        List<String> providers = in.present("rateProviders")
                ? (in.strings("rateProviders") == null ? List.of() : in.strings("rateProviders")) : current.rateProviders();
        return new StoreSettings(name, website, currency, speed, expiration, monitoring, tolerance, providers);
    }

    private static int range(Integer value, int fallback, int min, int max, String field) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + " seconds");
        }
        return v;
    }

    private static void checkUrl(String url, String field) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null || url.length() > 500) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be an absolute http(s) URL");
        }
    }
}
