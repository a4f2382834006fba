package io.chaintill.application.payout;

import io.chaintill.application.Authorizer;
import io.chaintill.application.Caller;
import io.chaintill.application.Ids;
import io.chaintill.application.NotFoundException;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.payout.PullPayment;
import io.chaintill.domain.payout.PullPaymentTerms;
import io.chaintill.persistence.PullPaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** A store's pull payments (Greenfield pull-payments routes); the public view needs no caller. */
@ApplicationScoped
@Transactional
public class PullPaymentService {
    public static final int MAX_LIST = 1000;

    @Inject
    Authorizer authorizer;
    @Inject
    PullPaymentRepository pullPayments;
    @Inject
    PayoutMethods methods;
    @Inject
    Clock clock;

    /**
     * Creating needs cancreatenonapprovedpullpayments; one whose claims are approved at once needs
     * cancreatepullpayments, as in BTCPay (approving is paying).
     */
    public PullPayment create(Caller caller, String storeId, Supplier<PullPaymentTerms> request) {
        // authorized before the request is read, so a caller without rights learns nothing from validation
        authorizer.requireAccess(caller, Policy.STORE_CREATE_NON_APPROVED_PULL_PAYMENTS, storeId);
        PullPaymentTerms terms = request.get();
        if (terms.autoApproveClaims()) {
            authorizer.requireAccess(caller, Policy.STORE_CREATE_PULL_PAYMENTS, storeId);
        }
        return add(storeId, terms);
    }

    /** For the refund flow, whose caller was authorized there. */
    PullPayment add(String storeId, PullPaymentTerms terms) {
        methods.requireEnabled(storeId, terms.payoutMethods());
        PullPayment p = PullPayment.create(Ids.newId(), storeId, terms, clock.instant());
        pullPayments.add(p);
        return p;
    }

    public List<PullPayment> list(Caller caller, String storeId, boolean includeArchived) {
        requireViewer(caller, storeId);
        return pullPayments.ofStore(storeId, includeArchived, MAX_LIST);
    }

    public PullPayment get(Caller caller, String storeId, String pullPaymentId) {
        requireViewer(caller, storeId);
        return pullPayments.find(pullPaymentId).filter(p -> p.storeId().equals(storeId))
                .orElseThrow(PullPaymentService::notFound);
    }

    /** Anyone with the id may see a pull payment: the id is the claim link's secret. */
    public PullPayment publicView(String pullPaymentId) {
        return pullPayments.find(pullPaymentId).orElseThrow(PullPaymentService::notFound);
    }

    /** {@code storeId} null for Greenfield 2's storeless route; another store's pull payment is not found. */
    public void archive(Caller caller, String storeId, String pullPaymentId) {
        if (storeId != null) {
            authorizer.requireAccess(caller, Policy.STORE_ARCHIVE_PULL_PAYMENTS, storeId);
        }
        PullPayment p = pullPayments.findForUpdate(pullPaymentId).filter(pp -> storeId == null || pp.storeId().equals(storeId))
                .filter(pp -> authorizer.mayReach(caller, pp.storeId())).orElseThrow(PullPaymentService::notFound);
        authorizer.requireAccess(caller, Policy.STORE_ARCHIVE_PULL_PAYMENTS, p.storeId());
        p.archive();
    }

    /**
     * BTCPay's document asks canmanagepullpayments to read them, which does not include canviewpullpayments (the
     * permission made for reading): either will do.
     */
    private void requireViewer(Caller caller, String storeId) {
        authorizer.requireAccess(caller, caller.holds(Policy.STORE_MANAGE_PULL_PAYMENTS, storeId)
                ? Policy.STORE_MANAGE_PULL_PAYMENTS : Policy.STORE_VIEW_PULL_PAYMENTS, storeId);
    }

    static NotFoundException notFound() {
        return new NotFoundException("pullpayment-not-found", "pull payment not found");
    }
}
