package io.chaintill.chain.ethereum;

import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.chain.PaymentMethodHandlerProvider;
import io.chaintill.domain.payment.PaymentMethodId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ETH-CHAIN and one handler per configured ERC-20 token, offered only when {@code chaintill.eth.chain-id} is set.
 * The token list is configuration, so these handlers are made here rather than being CDI beans each; chain
 * tracking and tools inject this bean to reach them.
 */
@ApplicationScoped
public class EthereumPaymentHandlers implements PaymentMethodHandlerProvider {
    private EthereumSettings settings;
    private volatile Built built;

    protected EthereumPaymentHandlers() {
    }

    @Inject
    public EthereumPaymentHandlers(EthereumSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<PaymentMethodHandler> handlers() {
        Built b = built();
        List<PaymentMethodHandler> all = new ArrayList<>();
        b.ether().ifPresent(all::add);
        all.addAll(b.tokens());
        return List.copyOf(all);
    }

    /** ETH-CHAIN, if Ethereum is configured. */
    public Optional<EthereumPaymentHandler> ether() {
        return built().ether();
    }

    /** One handler per configured token, in configuration order. */
    public List<Erc20PaymentHandler> tokens() {
        return built().tokens();
    }

    public Optional<Erc20PaymentHandler> token(PaymentMethodId id) {
        return tokens().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private Built built() {
        Built b = built;
        if (b == null) {
            b = build(settings);
            built = b;
        }
        return b;
    }

    static Built build(EthereumSettings settings) {
        if (!settings.enabled()) {
            return new Built(Optional.empty(), List.of());
        }
        EthereumAccountKeys keys = new EthereumAccountKeys();
        long chainId = settings.chainId().orElseThrow();
        List<Erc20PaymentHandler> tokens = settings.tokens().stream().map(t -> new Erc20PaymentHandler(t, keys)).toList();
        return new Built(Optional.of(new EthereumPaymentHandler(chainId, keys)), tokens);
    }

    record Built(Optional<EthereumPaymentHandler> ether, List<Erc20PaymentHandler> tokens) {
    }
}
