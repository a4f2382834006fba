package io.chaintill.application.payout;

import io.chaintill.application.Authorizer;
import io.chaintill.application.Caller;
import io.chaintill.application.InvoicePayments;
import io.chaintill.application.NotFoundException;
import io.chaintill.persistence.InvoiceRepository;
import io.chaintill.persistence.StoreRepository;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.invoice.AdditionalStatus;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.domain.invoice.InvoiceStatus;
import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.CurrencyCatalog;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payout.PullPayment;
import io.chaintill.domain.payout.PullPaymentTerms;
import io.chaintill.domain.payout.RefundAmount;
import io.chaintill.domain.payout.RefundBasis;
import io.chaintill.domain.payout.RefundVariant;
import io.chaintill.rates.RatesUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Refunds an invoice by making a pull payment the buyer claims (BTCPay's refund flow): the amount follows the
 * variant, computed from what the invoice's payment method received and the rate it was quoted at.
 */
@ApplicationScoped
@Transactional
public class RefundService {
    @Inject
    Authorizer authorizer;
    @Inject
    InvoiceRepository invoices;
    @Inject
    InvoicePayments payments;
    @Inject
    PayoutMethods methods;
    @Inject
    PullPaymentService pullPayments;
    @Inject
    PayoutRates rates;
    @Inject
    StoreRepository stores;

    /**
     * Needs cancreatenonapprovedpullpayments; claims are approved at once only when the variant allows it and the
     * caller also holds cancreatepullpayments (as in BTCPay).
     */
    public PullPayment refund(Caller caller, String storeId, String invoiceId, RefundRequest r) {
        authorizer.requireAccess(caller, Policy.STORE_CREATE_NON_APPROVED_PULL_PAYMENTS, storeId);
        Invoice invoice = invoice(storeId, invoiceId);
        List<PaymentMethodId> payoutMethods = payoutMethods(invoice, r);
        if (r.variant() == null) {
            throw new InvalidInputException("refundVariant", "is required (RateThen, CurrentRate, OverpaidAmount, Fiat or Custom)");
        }
        RefundAmount amount = RefundAmount.of(r.variant(), basis(invoice, payoutMethods.get(0),
                r.variant() == RefundVariant.CurrentRate), r.customAmount(), r.customCurrency(), r.subtractPercentage());
        boolean autoApprove = amount.autoApproveClaims() && caller.holds(Policy.STORE_CREATE_PULL_PAYMENTS, storeId);
        String name = r.name() == null || r.name().isBlank() ? "Refund " + invoice.id() : r.name();
        return pullPayments.add(storeId, new PullPaymentTerms(name, r.description(), amount.amount(), amount.currency(),
                payoutMethods, null, null, autoApprove, invoice.id()));
    }

    /** What each variant would refund, for the dashboard's refund dialog; variants that do not apply are left out. */
    public Map<RefundVariant, RefundAmount> preview(Caller caller, String storeId, String invoiceId, String paymentMethod) {
        authorizer.requireAccess(caller, Policy.STORE_VIEW_INVOICES, storeId);
        Invoice invoice = invoice(storeId, invoiceId);
        List<PaymentMethodId> m = payoutMethods(invoice, new RefundRequest(null, null, null, paymentMethod, null, null,
                null, null));
        RefundBasis basis = basis(invoice, m.get(0), true);
        Map<RefundVariant, RefundAmount> out = new EnumMap<>(RefundVariant.class);
        for (RefundVariant v : RefundVariant.values()) {
            if (v != RefundVariant.Custom) {
                try {
                    out.put(v, RefundAmount.of(v, basis, null, null, null));
                } catch (InvalidInputException notApplicable) {
                    // e.g. OverpaidAmount on an invoice paid exactly
                }
            }
        }
        return out;
    }

    private Invoice invoice(String storeId, String invoiceId) {
        return invoices.find(invoiceId).filter(i -> i.storeId().equals(storeId))
                .orElseThrow(() -> new NotFoundException("invoice-not-found", "invoice not found"));
    }

    /** @param withRateNow whether to ask the store's rate providers for today's rate (only CurrentRate needs it) */
    private RefundBasis basis(Invoice invoice, PaymentMethodId method, boolean withRateNow) {
        if (!refundable(invoice)) {
            throw new InvalidInputException("invoiceId", "an invoice in status " + invoice.status()
                    + " cannot be refunded (settled, invalid, or expired after a payment only)");
        }
        PaymentPrompt prompt = invoice.prompt(method).orElseThrow(() -> new InvalidInputException("payoutMethods",
                "the invoice was not payable in " + method + ", so there is no rate to refund it at"));
        int invoiceDecimals = CurrencyCatalog.decimalsOf(invoice.currency()).orElse(prompt.decimals());
        return new RefundBasis(invoice.amount().orElse(null), invoice.currency(), invoiceDecimals, prompt.currency(),
                prompt.decimals(), prompt.rate(), withRateNow ? rateNow(invoice, prompt.currency()) : null,
                payments.paid(prompt).toDecimal(), invoice.additionalStatus() == AdditionalStatus.PaidOver);
    }

    /** Null when the store's rate providers have no rate now (then CurrentRate is refused, naming refundVariant). */
    private BigDecimal rateNow(Invoice invoice, String cryptoCurrency) {
        try {
            return stores.find(invoice.storeId()).map(s -> rates.price(s, cryptoCurrency, invoice.currency())).orElse(null);
        } catch (RatesUnavailableException e) {
            return null;
        }
    }

    private List<PaymentMethodId> payoutMethods(Invoice invoice, RefundRequest r) {
        if (r.payoutMethods() != null) {
            if (r.payoutMethods().isEmpty()) {
                throw new InvalidInputException("payoutMethods", "must name at least one payout method");
            }
            return methods.resolve(invoice.storeId(), r.payoutMethods(), "payoutMethods");
        }
        if (r.paymentMethod() != null) {
            return List.of(PaymentMethodId.parse(r.paymentMethod(), "paymentMethod"));
        }
        // the method that received something, else the first one offered
        return invoice.prompts().stream().filter(p -> payments.paid(p).isPositive()).findFirst()
                .or(() -> invoice.prompts().stream().findFirst()).map(p -> List.of(p.paymentMethodId()))
                .orElseThrow(() -> new InvalidInputException("payoutMethods", "the invoice has no payment method"));
    }

    /** BTCPay's CanRefund: settled, invalid, or expired with something paid. */
    private static boolean refundable(Invoice i) {
        return i.status() == InvoiceStatus.Settled || i.status() == InvoiceStatus.Invalid
                || (i.status() == InvoiceStatus.Expired && (i.additionalStatus() == AdditionalStatus.PaidLate
                || i.additionalStatus() == AdditionalStatus.PaidPartial || i.additionalStatus() == AdditionalStatus.PaidOver));
    }
}
