package io.chaintill.chain;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payment methods this server supports: every {@link PaymentMethodHandler} bean (BTC-CHAIN) plus what each
 * {@link PaymentMethodHandlerProvider} contributes from configuration (ETH-CHAIN and the ERC-20 tokens).
 */
@ApplicationScoped
public class PaymentMethodHandlers {
    private List<PaymentMethodHandler> handlers;

    protected PaymentMethodHandlers() {
    }

    @Inject
    public PaymentMethodHandlers(Instance<PaymentMethodHandler> fixed, Instance<PaymentMethodHandlerProvider> providers) {
        List<PaymentMethodHandler> all = new ArrayList<>(fixed.stream().toList());
        providers.forEach(p -> all.addAll(p.handlers()));
        this.handlers = List.copyOf(all);
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

    /**
     * Decimals of an asset some payment method here is paid in (USDT as its configured token), so an invoice priced
     * in that asset can be paid to the unit. The smallest when several methods carry it; empty for other currencies.
     */
    public Optional<Integer> assetDecimals(String currency) {
        return handlers.stream().filter(h -> h.id().currency().equalsIgnoreCase(currency))
                .map(PaymentMethodHandler::decimals).min(Integer::compare);
    }

    public List<String> supported() {
        return handlers.stream().map(h -> h.id().toString()).sorted().toList();
    }
}
