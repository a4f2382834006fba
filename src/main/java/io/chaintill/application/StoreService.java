package io.chaintill.application;

import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.chain.PaymentMethodHandler.AccountKey;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.access.Policy;
import io.chaintill.rates.RateService;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.store.PaymentMethodConfig;
import io.chaintill.domain.store.Store;
import io.chaintill.domain.store.StoreSettings;
import io.chaintill.persistence.AddressCounters;
import io.chaintill.persistence.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** Stores and the payment methods merchants enable on them. */
@ApplicationScoped
@Transactional
public class StoreService {
    @Inject
    StoreRepository stores;
    @Inject
    AddressCounters counters;
    @Inject
    Authorizer authorizer;
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    Clock clock;
    @Inject
    RateService rates;

    public Store create(Caller caller, StoreSettings settings) {
        return create(caller, settings, null);
    }

    /** @param anyoneCanCreateInvoice pay buttons on or off; null: off */
    public Store create(Caller caller, StoreSettings settings, Boolean anyoneCanCreateInvoice) {
        authorizer.requireServer(caller, Policy.STORE_MODIFY_SETTINGS);
        checkRateProviders(settings);
        Store store = new Store(Ids.newId(), caller.user().id(), settings, clock.instant());
        store.allowAnyoneToCreateInvoices(Boolean.TRUE.equals(anyoneCanCreateInvoice));
        stores.add(store);
        return store;
    }

    public List<Store> list(Caller caller) {
        if (!caller.holdsOnSomeStore(Policy.STORE_VIEW_SETTINGS)) {
            throw new AccessDeniedException("this requires the permission " + Policy.STORE_VIEW_SETTINGS);
        }
        List<Store> visible = caller.user().admin() ? stores.all() : stores.ownedBy(caller.user().id());
        return visible.stream().filter(s -> caller.holds(Policy.STORE_VIEW_SETTINGS, s.id())).toList();
    }

    public Store get(Caller caller, String storeId) {
        return authorizer.requireStore(caller, Policy.STORE_VIEW_SETTINGS, storeId);
    }

    public Store update(Caller caller, String storeId, StoreSettings settings) {
        return update(caller, storeId, settings, null);
    }

    /** @param anyoneCanCreateInvoice pay buttons on or off; null: unchanged */
    public Store update(Caller caller, String storeId, StoreSettings settings, Boolean anyoneCanCreateInvoice) {
        Store store = authorizer.requireStore(caller, Policy.STORE_MODIFY_SETTINGS, storeId);
        checkRateProviders(settings);
        store.apply(settings);
        if (anyoneCanCreateInvoice != null) {
            store.allowAnyoneToCreateInvoices(anyoneCanCreateInvoice);
        }
        return store;
    }

    /** Removes the store and its settings; its invoices stay (their addresses remain watched). */
    public void delete(Caller caller, String storeId) {
        Store store = authorizer.requireStore(caller, Policy.STORE_MODIFY_SETTINGS, storeId);
        stores.paymentMethods(storeId).forEach(stores::remove);
        stores.remove(store);
    }

    public List<PaymentMethodConfig> paymentMethods(Caller caller, String storeId) {
        authorizer.requireAccess(caller, Policy.STORE_VIEW_SETTINGS, storeId);
        return stores.paymentMethods(storeId);
    }

    public PaymentMethodConfig paymentMethod(Caller caller, String storeId, PaymentMethodId method) {
        authorizer.requireAccess(caller, Policy.STORE_VIEW_SETTINGS, storeId);
        return stores.paymentMethod(storeId, method.toString())
                .orElseThrow(() -> new NotFoundException("paymentmethod-not-found", method + " is not configured on this store"));
    }

    /** Enables (or updates) a payment method from the account key the merchant pasted. */
    public PaymentMethodConfig configure(Caller caller, String storeId, PaymentMethodId method, boolean enabled,
                                         String accountKey, String label, String accountKeyPath,
                                         BigDecimal paymentTolerance) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_SETTINGS, storeId);
        PaymentMethodHandler handler = handlers.require(method, "paymentMethodId");
        AccountKey key = handler.parseAccountKey(accountKey);
        counters.ensure(key.keyId());
        PaymentMethodConfig config = stores.paymentMethod(storeId, method.toString()).orElseGet(() -> {
            PaymentMethodConfig c = new PaymentMethodConfig(storeId, method);
            stores.add(c);
            return c;
        });
        config.configure(enabled, key.canonical(), key.keyId(), label, accountKeyPath, paymentTolerance, clock.instant());
        return config;
    }

    /** Turns a configured payment method on or off, keeping its key. */
    public PaymentMethodConfig enable(Caller caller, String storeId, PaymentMethodId method, boolean enabled) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_SETTINGS, storeId);
        PaymentMethodConfig config = stores.paymentMethod(storeId, method.toString()).orElseThrow(() ->
                new InvalidInputException("config", "is required: " + method + " is not configured on this store yet"));
        config.configure(enabled, config.derivationScheme(), config.keyId(), config.label(), config.accountKeyPath(),
                config.paymentTolerance(), clock.instant());
        return config;
    }

    public void removePaymentMethod(Caller caller, String storeId, PaymentMethodId method) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_SETTINGS, storeId);
        stores.remove(stores.paymentMethod(storeId, method.toString())
                .orElseThrow(() -> new NotFoundException("paymentmethod-not-found", method + " is not configured on this store")));
    }

    /** Receive addresses of the configured key, or of {@code accountKey} if given (preview before saving). */
    public AddressPreview preview(Caller caller, String storeId, PaymentMethodId method, String accountKey, int offset, int count) {
        authorizer.requireAccess(caller, Policy.STORE_VIEW_SETTINGS, storeId);
        PaymentMethodHandler handler = handlers.require(method, "paymentMethodId");
        String canonical = accountKey != null ? handler.parseAccountKey(accountKey).canonical()
                : paymentMethod(caller, storeId, method).derivationScheme();
        return new AddressPreview(offset, handler.preview(canonical, offset, count));
    }

    private void checkRateProviders(StoreSettings settings) {
        if (String.join(",", settings.rateProviders()).length() > Store.MAX_RATE_PROVIDERS_LENGTH) {
            throw new InvalidInputException("rateProviders", "must be at most " + Store.MAX_RATE_PROVIDERS_LENGTH
                    + " characters in all");
        }
        if (new java.util.HashSet<>(settings.rateProviders()).size() != settings.rateProviders().size()) {
            throw new InvalidInputException("rateProviders", "must not name a provider twice");
        }
        for (String id : settings.rateProviders()) {
            if (!rates.providerIds().contains(id)) {
                throw new InvalidInputException("rateProviders", "unknown rate provider '" + id + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(rates.providerIds())) + ")");
            }
        }
    }

    public record AddressPreview(int offset, List<String> addresses) {
    }
}
