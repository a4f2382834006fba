package io.chaintill.application;

import io.chaintill.domain.access.Policy;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.store.PaymentMethodConfig;
import io.chaintill.persistence.DepositAddress;
import io.chaintill.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The deposit addresses a store handed out, for the merchant's offline sweep tool: it derives the same
 * addresses from the wallet secret (which never reaches the server) and moves what they hold. Only the
 * store's current account key counts: addresses of a key replaced earlier belong to another wallet.
 */
@ApplicationScoped
@Transactional
public class DepositAddresses {
    @Inject
    StoreService stores;
    @Inject
    PaymentRepository payments;

    /** Addresses that received valid payments, or with {@code all} every address handed out. */
    public List<DepositAddress> list(Caller caller, String storeId, PaymentMethodId method, boolean all) {
        PaymentMethodConfig config = stores.paymentMethod(caller, storeId, method);
        if (config.keyId() == null) {
            return List.of();
        }
        return payments.depositAddresses(storeId, method, config.keyId(), !all);
    }
}
