package io.chaintill.application;

import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.invoice.CheckoutOptions;
import io.chaintill.domain.invoice.ReceiptOptions;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.domain.payment.CurrencyCatalog;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payment.Price;
import io.chaintill.domain.payment.SpeedPolicy;
import io.chaintill.domain.store.PaymentMethodConfig;
import io.chaintill.domain.store.Store;
import io.chaintill.domain.store.StoreSettings;
import io.chaintill.persistence.InvoiceQuery;
import io.chaintill.persistence.InvoiceRepository;
import io.chaintill.persistence.StoreRepository;
import io.chaintill.rates.RatesConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Invoice use cases: create, read, search, edit metadata, mark, archive, expire. */
@ApplicationScoped
public class InvoiceService {
    static final int MAX_METADATA_CHARS = 100_000;

    @Inject
    InvoiceRepository invoices;
    @Inject
    StoreRepository stores;
    @Inject
    InvoiceIssuer issuer;
    @Inject
    NotifiedInvoiceIssuer notifiedIssuer;
    @Inject
    Authorizer authorizer;
    @Inject
    AssetPricing pricing;
    @Inject
    Clock clock;
    @Inject
    RatesConfiguration ratesConfiguration;
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    @ConfigProperty(name = "chaintill.invoice.max-expiration-minutes")
    int maxExpirationMinutes;

    /**
     * Creates an invoice. With an idempotency key, a repeated request (even a concurrent one) returns the
     * invoice the first one created.
     */
    public Invoice create(Caller caller, String storeId, InvoiceRequest request, String idempotencyKey) {
        Store store = authorizer.requireStore(caller, Policy.STORE_CREATE_INVOICE, storeId);
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
                throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 characters");
            }
            Optional<Invoice> earlier = invoices.findByIdempotencyKey(storeId, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        InvoiceDraft draft = draft(store, request);
        try {
            return issuer.issue(storeId, draft, idempotencyKey);
        } catch (TransactionalException | PersistenceException e) {
            if (idempotencyKey != null) {
                Optional<Invoice> winner = invoices.findByIdempotencyKey(storeId, idempotencyKey);
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            throw e;
        }
    }

    /**
     * A pay button's invoice (BTCPay's public form endpoint): no caller, so only on a store that lets anyone
     * create invoices on it. {@code notifyUrl} and {@code notifyEmail} (each may be null) get its BitPay-style IPNs;
     * {@code checkoutLink} makes the link the buyer is given from the new invoice's id.
     */
    public Invoice createPublic(String storeId, InvoiceRequest request, String notifyUrl, String notifyEmail,
                                UnaryOperator<String> checkoutLink) {
        Store store = stores.find(storeId).orElseThrow(() -> new NotFoundException("store-not-found", "storeId: no such store"));
        if (!store.anyoneCanCreateInvoice()) {
            throw new AccessDeniedException("storeId: this store has not enabled pay buttons (anyoneCanCreateInvoice)");
        }
        return notifiedIssuer.issue(storeId, draft(store, request), notifyUrl, notifyEmail, checkoutLink);
    }

    public Invoice get(Caller caller, String storeId, String invoiceId) {
        Optional<String> owner = authorizer.ownerSeenBy(caller, Policy.STORE_VIEW_INVOICES, storeId);
        return invoices.findToRead(invoiceId, storeId, owner).orElseGet(() -> {
            authorizer.requireAccess(caller, Policy.STORE_VIEW_INVOICES, storeId); // refused the way every route is
            throw invoiceNotFound();
        });
    }

    /** The store of an invoice named without it; an invoice of a store the caller cannot reach is not found. */
    public String storeOf(Caller caller, String invoiceId) {
        return invoices.find(invoiceId).map(Invoice::storeId).filter(storeId -> authorizer.mayReach(caller, storeId))
                .orElseThrow(InvoiceService::invoiceNotFound);
    }

    public List<Invoice> search(Caller caller, InvoiceQuery query) {
        authorizer.requireAccess(caller, Policy.STORE_VIEW_INVOICES, query.storeId());
        return invoices.search(query);
    }

    @Transactional
    public Invoice updateMetadata(Caller caller, String storeId, String invoiceId, String metadataJson, String orderId,
                                  List<String> searchValues) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_INVOICES, storeId);
        checkMetadata(metadataJson, orderId);
        Invoice invoice = lockedInvoiceOf(storeId, invoiceId);
        invoice.replaceMetadata(metadataJson, orderId, searchValues);
        invoices.save(invoice);
        return invoice;
    }

    @Transactional
    public Invoice mark(Caller caller, String storeId, String invoiceId, String status) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_INVOICES, storeId);
        Invoice invoice = lockedInvoiceOf(storeId, invoiceId);
        if ("Settled".equalsIgnoreCase(status) || "Complete".equalsIgnoreCase(status)) {
            invoice.markSettled(clock.instant());
        } else if ("Invalid".equalsIgnoreCase(status)) {
            invoice.markInvalid(clock.instant());
        } else {
            throw new InvalidInputException("status", "must be Settled or Invalid");
        }
        invoices.save(invoice);
        return invoice;
    }

    @Transactional
    public Invoice archive(Caller caller, String storeId, String invoiceId, boolean archived) {
        authorizer.requireAccess(caller, Policy.STORE_MODIFY_INVOICES, storeId);
        Invoice invoice = lockedInvoiceOf(storeId, invoiceId);
        invoice.archive(archived);
        invoices.save(invoice);
        return invoice;
    }

    /** Public read for the checkout page and QR codes: the invoice id is the buyer's capability. */
    public Optional<Invoice> publicView(String invoiceId) {
        return invoices.find(invoiceId);
    }

    private Invoice lockedInvoiceOf(String storeId, String invoiceId) {
        return ofStore(invoices.findForUpdate(invoiceId), storeId);
    }

    /** An invoice of another store is not found, exactly like one that does not exist. */
    private static Invoice ofStore(Optional<Invoice> invoice, String storeId) {
        return invoice.filter(i -> i.storeId().equals(storeId)).orElseThrow(InvoiceService::invoiceNotFound);
    }

    private static NotFoundException invoiceNotFound() {
        return new NotFoundException("invoice-not-found", "invoice not found");
    }

    private InvoiceDraft draft(Store store, InvoiceRequest r) {
        StoreSettings s = store.settings();
        String currency = pricingCurrency(r.currency() == null ? s.defaultCurrency() : r.currency());
        Price price = r.amount() == null ? null : Price.of(r.amount(), currency, pricingDecimals(currency), "amount");
        checkMetadata(r.metadataJson(), r.orderId());
        int expiration = within(r.expirationMinutes(), s.invoiceExpirationSeconds() / 60, 1, maxExpirationMinutes,
                "checkout.expirationMinutes");
        int monitoring = within(r.monitoringMinutes(), s.monitoringExpirationSeconds() / 60, 0, maxExpirationMinutes * 2,
                "checkout.monitoringMinutes");
        BigDecimal tolerance = r.paymentTolerance() == null ? s.paymentTolerance() : r.paymentTolerance();
        if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("checkout.paymentTolerance", "must be between 0 and 100");
        }
        SpeedPolicy speed = r.speedPolicy() == null ? s.speedPolicy() : SpeedPolicy.parse(r.speedPolicy(), "checkout.speedPolicy");
        String redirect = validRedirect(r.redirectUrl());
        if (r.defaultLanguage() != null && !r.defaultLanguage().matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?")) {
            throw new InvalidInputException("checkout.defaultLanguage", "must be a language tag such as en or de-CH");
        }
        List<PaymentMethodConfig> methods = methods(store, r.paymentMethods());
        String defaultMethod = null;
        if (r.defaultPaymentMethod() != null) {
            PaymentMethodId d = PaymentMethodId.parse(r.defaultPaymentMethod(), "checkout.defaultPaymentMethod");
            if (methods.stream().noneMatch(m -> m.paymentMethodId().equals(d))) {
                throw new InvalidInputException("checkout.defaultPaymentMethod", d + " is not among the invoice's payment methods");
            }
            defaultMethod = d.toString();
        }
        CheckoutOptions checkout = new CheckoutOptions(speed, tolerance, redirect,
                Boolean.TRUE.equals(r.redirectAutomatically()), r.defaultLanguage(), defaultMethod, expiration, monitoring);
        List<InvoiceDraft.Quote> quotes = new ArrayList<>();
        List<String> providers = s.rateProviders().isEmpty() ? ratesConfiguration.providerOrder() : s.rateProviders();
        for (PaymentMethodConfig m : methods) {
            String crypto = m.paymentMethodId().currency();
            BigDecimal rate = crypto.equals(currency) ? BigDecimal.ONE : pricing.rate(crypto, currency, providers);
            // a tolerance the invoice asked for wins; otherwise the method's own, then the store's
            quotes.add(new InvoiceDraft.Quote(m, rate, r.paymentTolerance() == null ? m.paymentTolerance() : null));
        }
        return new InvoiceDraft(price, currency, r.metadataJson(), r.orderId(), r.searchValues(), checkout,
                r.receipt() == null ? ReceiptOptions.NONE : r.receipt(), quotes);
    }

    /** A currency of the catalog, or an asset a payment method here is paid in (a configured token such as WBTC). */
    private String pricingCurrency(String code) {
        if (code != null && handlers.assetDecimals(code.strip()).isPresent()) {
            return code.strip().toUpperCase(Locale.ROOT);
        }
        return CurrencyCatalog.require(code, "currency");
    }

    /** A token's own decimals win over the catalog's: the buyer pays in the token's base units. */
    private int pricingDecimals(String currency) {
        return handlers.assetDecimals(currency).or(() -> CurrencyCatalog.decimalsOf(currency)).orElseThrow();
    }

    private List<PaymentMethodConfig> methods(Store store, List<String> requested) {
        List<PaymentMethodConfig> enabled = stores.paymentMethods(store.id()).stream().filter(PaymentMethodConfig::enabled).toList();
        if (requested == null) {
            if (enabled.isEmpty()) {
                throw new InvalidInputException("checkout.paymentMethods", "the store has no enabled payment method; configure one first");
            }
            return enabled;
        }
        if (requested.isEmpty()) {
            throw new InvalidInputException("checkout.paymentMethods", "must name at least one payment method");
        }
        List<PaymentMethodConfig> chosen = new ArrayList<>();
        for (String name : requested) {
            PaymentMethodId id = PaymentMethodId.parse(name, "checkout.paymentMethods");
            PaymentMethodConfig config = enabled.stream().filter(m -> m.paymentMethodId().equals(id)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("checkout.paymentMethods", id + " is not enabled on this store"));
            if (!chosen.contains(config)) {
                chosen.add(config);
            }
        }
        return chosen;
    }

    private static int within(Integer value, int fallback, int min, int max, String field) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
        return v;
    }

    private static void checkMetadata(String metadataJson, String orderId) {
        if (metadataJson.length() > MAX_METADATA_CHARS) {
            throw new InvalidInputException("metadata", "must be at most " + MAX_METADATA_CHARS + " characters of JSON");
        }
        if (orderId != null && orderId.length() > 200) {
            throw new InvalidInputException("metadata.orderId", "must be at most 200 characters");
        }
    }

    private static String validRedirect(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(url.replace("{InvoiceId}", "x").replace("{OrderId}", "x"));
            if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null || url.length() > 2000) {
                throw new IllegalArgumentException();
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("checkout.redirectURL", "must be an absolute http(s) URL");
        }
    }
}
