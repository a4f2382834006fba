package io.chaintill.chain.ethereum;

import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.chain.PaymentMethodHandlerProvider;
import io.chaintill.domain.payment.PaymentMethodId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per configured EVM chain, its native coin and one handler per token. Chains and tokens are configuration, so
 * these handlers are made here rather than being CDI beans each; chain tracking and tools inject this bean to
 * reach them.
 */
@ApplicationScoped
public class EthereumPaymentHandlers implements PaymentMethodHandlerProvider {
    private EthereumSettings settings;
    private volatile List<Chain> built;

    /** One chain's handlers. */
    public record Chain(EvmChain chain, EthereumPaymentHandler ether, List<Erc20PaymentHandler> tokens) {
    }

    protected EthereumPaymentHandlers() {
    }

    @Inject
    public EthereumPaymentHandlers(EthereumSettings settings) {
        this.settings = settings;
    }

    /** A typo in a chain's settings stops the deployment instead of failing the first checkout. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        chains();
    }

    @Override
    public List<PaymentMethodHandler> handlers() {
        List<PaymentMethodHandler> all = new ArrayList<>();
        for (Chain c : chains()) {
            all.add(c.ether());
            all.addAll(c.tokens());
        }
        return List.copyOf(all);
    }

    public List<Chain> chains() {
        List<Chain> b = built;
        if (b == null) {
            EthereumAccountKeys keys = new EthereumAccountKeys();
            b = settings.chains().stream().map(c -> new Chain(c, new EthereumPaymentHandler(c, keys),
                    c.tokens().stream().map(t -> new Erc20PaymentHandler(t, c, keys)).toList())).toList();
            built = b;
        }
        return b;
    }

    /** ETH-CHAIN, if the chain named ethereum is configured. */
    public Optional<EthereumPaymentHandler> ether() {
        return chains().stream().filter(c -> c.chain().name().equals(EvmChain.ETHEREUM)).map(Chain::ether).findFirst();
    }

    /** Every token handler of every chain, in configuration order. */
    public List<Erc20PaymentHandler> tokens() {
        return chains().stream().flatMap(c -> c.tokens().stream()).toList();
    }

    public Optional<Erc20PaymentHandler> token(PaymentMethodId id) {
        return tokens().stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
