package io.chaintill.chain;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The payment methods this server supports, found by CDI. */
@ApplicationScoped
public class PaymentMethodHandlers {
    private List<PaymentMethodHandler> handlers;

    protected PaymentMethodHandlers() {
    }

    @Inject
    public PaymentMethodHandlers(Instance<PaymentMethodHandler> all) {
        this.handlers = all.stream().toList();
    }

    public PaymentMethodHandlers(List<PaymentMethodHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    public Optional<PaymentMethodHandler> find(PaymentMethodId id) {
        return handlers.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    public PaymentMethodHandler require(PaymentMethodId id, String field) {
        return find(id).orElseThrow(() -> new InvalidInputException(field, "payment method " + id
                + " is not supported by this server (supported: " + supported() + ")"));
    }

    public List<String> supported() {
        return handlers.stream().map(h -> h.id().toString()).sorted().toList();
    }
}
