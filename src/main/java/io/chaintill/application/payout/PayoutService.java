package io.chaintill.application.payout;

import io.chaintill.application.Authorizer;
import io.chaintill.application.Caller;
import io.chaintill.application.Ids;
import io.chaintill.application.NotFoundException;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payout.Payout;
import io.chaintill.domain.payout.PullPayment;
import io.chaintill.domain.store.Store;
import io.chaintill.persistence.PayoutRepository;
import io.chaintill.persistence.PullPaymentRepository;
import io.chaintill.persistence.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * Payouts: claimed by anyone holding a pull payment's link, approved, cancelled or marked paid by the merchant.
 * Every change is saved with its webhook event (see {@link PayoutRepository#save}).
 */
@ApplicationScoped
@Transactional
public class PayoutService {
    public static final int MAX_LIST = 1000;

    @Inject
    Authorizer authorizer;
    @Inject
    PullPaymentRepository pullPayments;
    @Inject
    PayoutRepository payouts;
    @Inject
    StoreRepository stores;
    @Inject
    PayoutMethods methods;
    @Inject
    PayoutRates rates;
    @Inject
    Clock clock;

    /**
     * A claim: {@code amount} in the pull payment's currency (null: all that is left) to {@code destination}. The
     * pull payment is locked so that racing claims cannot together take more than it holds.
     */
    public Payout claim(String pullPaymentId, String destination, String payoutMethodId, BigDecimal amount) {
        PullPayment pp = pullPayments.findForUpdate(pullPaymentId).orElseThrow(PullPaymentService::notFound);
        PaymentMethodId method = payoutMethodId == null && pp.payoutMethods().size() == 1 ? pp.payoutMethods().get(0)
                : PaymentMethodId.parse(payoutMethodId, "payoutMethodId");
        BigDecimal claimed = payouts.claimed(pp.id());
        BigDecimal wanted = amount == null ? pp.remaining(claimed) : amount;
        pp.checkClaim(method, wanted, claimed, clock.instant());
        String address = methods.destination(method, destination);
        Payout payout = Payout.claim(Ids.newId(), pp, address, method, wanted, clock.instant());
        if (pp.autoApproveClaims()) {
            approve(payout, null, null);
        }
        payouts.save(payout);
        return payout;
    }

    /** Anyone with the pull payment's id sees its payouts (BTCPay's public claim page shows them too). */
    public List<Payout> ofPullPayment(String pullPaymentId, boolean includeCancelled) {
        PullPayment pp = pullPayments.find(pullPaymentId).orElseThrow(PullPaymentService::notFound);
        return payouts.ofPullPayment(pp.id(), includeCancelled);
    }

    public Payout ofPullPayment(String pullPaymentId, String payoutId) {
        return payouts.find(payoutId).filter(p -> p.pullPaymentId().equals(pullPaymentId))
                .orElseThrow(PayoutService::notFound);
    }

    public List<Payout> ofStore(Caller caller, String storeId, boolean includeCancelled) {
        requireViewer(caller, storeId);
        return payouts.ofStore(storeId, includeCancelled, MAX_LIST);
    }

    public Payout get(Caller caller, String storeId, String payoutId) {
        if (storeId != null) {
            requireViewer(caller, storeId);
        }
        Payout p = reachable(caller, storeId, payoutId);
        requireViewer(caller, p.storeId());
        return p;
    }

    /** Fixes the amount at the rate of now (or the merchant's fixed price) and moves it to AwaitingPayment. */
    public Payout approve(Caller caller, String storeId, String payoutId, Integer revision, String rateRule) {
        Payout p = managed(caller, storeId, payoutId);
        approve(p, revision, rateRule);
        payouts.save(p);
        return p;
    }

    public void cancel(Caller caller, String storeId, String payoutId) {
        Payout p = managed(caller, storeId, payoutId);
        p.cancel(clock.instant());
        payouts.save(p);
    }

    public void markPaid(Caller caller, String storeId, String payoutId, String transactionId) {
        Payout p = managed(caller, storeId, payoutId);
        p.markPaid(transactionId, clock.instant());
        payouts.save(p);
    }

    /** Greenfield's mark to InProgress with a payment proof: the transaction that pays it (see Payout#recordProof). */
    public void recordProof(Caller caller, String storeId, String payoutId, String transactionId) {
        Payout p = managed(caller, storeId, payoutId);
        if (p.recordProof(transactionId, clock.instant())) {
            payouts.save(p);
        }
    }

    /**
     * A plain payment link (BIP21, EIP-681) for the amount still owed, for a merchant who pays from a phone wallet;
     * null unless the payout awaits payment.
     */
    public String paymentLink(Payout p) {
        if (p.state() != io.chaintill.domain.payout.PayoutState.AwaitingPayment || p.payoutAmount().isEmpty()) {
            return null;
        }
        return methods.paymentLink(p.payoutMethodId(), p.destination(), p.payoutAmount().get());
    }

    private void approve(Payout p, Integer revision, String rateRule) {
        Store store = stores.find(p.storeId()).orElseThrow(PayoutService::notFound);
        BigDecimal rate = rates.rate(store, p.originalCurrency(), p.payoutCurrency(), rateRule);
        p.approve(rate, methods.decimals(p.payoutMethodId()), revision, clock.instant());
    }

    /** Throws unless the caller may manage this payout (404 when it is out of their reach). */
    public void requireManageable(Caller caller, String storeId, String payoutId) {
        if (storeId != null) {
            authorizer.requireAccess(caller, Policy.STORE_MANAGE_PULL_PAYMENTS, storeId);
        }
        authorizer.requireAccess(caller, Policy.STORE_MANAGE_PULL_PAYMENTS, reachable(caller, storeId, payoutId).storeId());
    }

    private Payout managed(Caller caller, String storeId, String payoutId) {
        if (storeId != null) {
            authorizer.requireAccess(caller, Policy.STORE_MANAGE_PULL_PAYMENTS, storeId);
        }
        String found = reachable(caller, storeId, payoutId).storeId();
        authorizer.requireAccess(caller, Policy.STORE_MANAGE_PULL_PAYMENTS, found);
        return payouts.findForUpdate(payoutId).orElseThrow(PayoutService::notFound);
    }

    /** {@code storeId} null for Greenfield 2's storeless routes; a payout of a store out of reach is not found. */
    private Payout reachable(Caller caller, String storeId, String payoutId) {
        return payouts.find(payoutId).filter(p -> storeId == null || p.storeId().equals(storeId))
                .filter(p -> authorizer.mayReach(caller, p.storeId())).orElseThrow(PayoutService::notFound);
    }

    /** canviewpayouts, or BTCPay's documented canmanagepullpayments (which does not include it). */
    private void requireViewer(Caller caller, String storeId) {
        authorizer.requireAccess(caller, caller.holds(Policy.STORE_MANAGE_PULL_PAYMENTS, storeId)
                ? Policy.STORE_MANAGE_PULL_PAYMENTS : Policy.STORE_VIEW_PAYOUTS, storeId);
    }

    static NotFoundException notFound() {
        return new NotFoundException("payout-not-found", "payout not found");
    }
}
