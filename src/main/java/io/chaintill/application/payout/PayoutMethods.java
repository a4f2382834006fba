package io.chaintill.application.payout;

import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.store.PaymentMethodConfig;
import io.chaintill.persistence.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Which payout methods a store can pay in: its enabled payment methods (we pay from the wallet that received). */
@ApplicationScoped
public class PayoutMethods {
    @Inject
    StoreRepository stores;
    @Inject
    PaymentMethodHandlers handlers;

    public List<PaymentMethodId> enabled(String storeId) {
        return stores.paymentMethods(storeId).stream().filter(PaymentMethodConfig::enabled)
                .map(PaymentMethodConfig::paymentMethodId).toList();
    }

    /** The methods asked for, each enabled on the store; none asked for means every enabled method. */
    public List<PaymentMethodId> resolve(String storeId, List<String> requested, String field) {
        if (requested == null) {
            List<PaymentMethodId> all = enabled(storeId);
            if (all.isEmpty()) {
                throw new InvalidInputException(field, "the store has no enabled payment method to pay out with");
            }
            return all;
        }
        if (requested.size() > 20) {
            throw new InvalidInputException(field, "must name at most 20 payout methods");
        }
        List<PaymentMethodId> out = new java.util.ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            out.add(PaymentMethodId.parse(requested.get(i), field + "[" + i + "]"));
        }
        return out;
    }

    public void requireEnabled(String storeId, List<PaymentMethodId> methods) {
        List<PaymentMethodId> enabled = enabled(storeId);
        for (int i = 0; i < methods.size(); i++) {
            if (!enabled.contains(methods.get(i))) {
                throw new InvalidInputException("payoutMethods[" + i + "]", methods.get(i) + " is not enabled on this store");
            }
        }
    }

    /** The destination in canonical form, checked for the method's network. */
    public String destination(PaymentMethodId method, String input) {
        return handlers.require(method, "payoutMethodId").payoutDestination(input, "destination");
    }

    public String paymentLink(PaymentMethodId method, String destination, java.math.BigDecimal amount) {
        var handler = handlers.require(method, "payoutMethodId");
        return handler.paymentLink(destination,
                io.chaintill.domain.payment.CryptoAmount.ofDecimalRoundingUp(amount, handler.decimals()));
    }

    public int decimals(PaymentMethodId method) {
        return handlers.require(method, "payoutMethodId").decimals();
    }
}
