package io.chaintill.chain;

import java.util.List;

/**
 * A CDI bean that contributes payment methods decided by configuration rather than by code, such as one ERC-20
 * handler per configured token. Fixed methods (BTC-CHAIN) are simply {@link PaymentMethodHandler} beans.
 */
public interface PaymentMethodHandlerProvider {

    /** The handlers this server offers now; empty when the chain is not configured. */
    List<PaymentMethodHandler> handlers();
}
