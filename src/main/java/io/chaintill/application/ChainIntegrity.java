package io.chaintill.application;

import io.chaintill.chain.FailoverSource;
import io.chaintill.chain.integrity.AlertKind;
import io.chaintill.chain.integrity.ChainObserver;
import io.chaintill.chain.integrity.Condition;
import io.chaintill.chain.integrity.SourceState;
import io.chaintill.domain.payment.PaymentMethodId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chain integrity for every chain that has an observer: runs its checks after each follow pass, keeps the alerts,
 * and decides whether a payment that has its confirmations may settle. Chain-neutral: a chain (BTC, ETH, any EVM
 * chain) registers its {@link ChainObserver} and which payment methods live on it; its follow job calls
 * {@link #check(String)} after each pass.
 */
@ApplicationScoped
public class ChainIntegrity {
    private static final Logger LOG = Logger.getLogger(ChainIntegrity.class.getName());

    @Inject
    ChainAlertBook book;
    @Inject
    ChainLedgerService ledger;
    @Inject
    Clock clock;

    private record Watched(ChainObserver observer, Predicate<PaymentMethodId> covers) {
    }

    private final Map<String, Watched> chains = new ConcurrentHashMap<>();
    private final Map<String, List<Condition>> raised = new ConcurrentHashMap<>();
    private final Map<String, Condition> failovers = new ConcurrentHashMap<>();

    /** {@code covers}: the payment methods whose payments are on this chain. */
    public void watch(ChainObserver observer, Predicate<PaymentMethodId> covers) {
        chains.put(observer.chain(), new Watched(observer, covers));
        LOG.info(observer.chain() + " integrity checks on" + (observer.hasWitnesses() ? ", with witnesses" : ", without witnesses"));
    }

    public boolean watches(String chain) {
        return chains.containsKey(chain);
    }

    /** One round of the chain's checks, then its held payments are judged again. Never throws. */
    public void check(String chain) {
        Watched w = chains.get(chain);
        if (w == null) {
            return;
        }
        try {
            List<Condition> now = new ArrayList<>(w.observer().observe(clock.instant()));
            Condition failover = failovers.get(chain);
            if (failover != null) {
                now.add(failover);
            }
            raised.put(chain, now);
            book.update(chain, now, clock.instant(), w.observer().bestTipHeight());
            for (String method : ledger.methodsWithHeldPayments()) {
                PaymentMethodId id = PaymentMethodId.parse(method, "paymentMethodId");
                if (w.covers().test(id)) {
                    ledger.recheckHeld(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, chain + " integrity checks failed: " + e.getMessage(), e);
        }
    }

    /**
     * What the chain's follower reads this pass: empty on the primary, else the fallback it failed over to; raised
     * as a {@code failover} alert by the next {@link #check(String)} (and holding settlement like any alert).
     */
    public void following(String chain, Optional<FailoverSource.Failover> failover) {
        failover.ifPresentOrElse(f -> failovers.put(chain, new Condition(chain, AlertKind.FAILOVER,
                List.of("primary " + f.primary().describe(), "witness " + f.fallback().describe()), null, List.of(),
                f.reason())), () -> failovers.remove(chain));
    }

    /** The chain's sources as its last round saw them; empty for a chain without checks. */
    public List<SourceState> sources(String chain) {
        Watched w = chains.get(chain);
        return w == null ? List.of() : w.observer().sources();
    }

    /** The checked chain that payments of {@code method} are on, if any. */
    public Optional<String> chainOf(PaymentMethodId method) {
        return chains.values().stream().filter(w -> w.covers().test(method)).map(w -> w.observer().chain()).findFirst();
    }

    /** The conditions the chain's last round raised. */
    public List<Condition> raised(String chain) {
        return raised.getOrDefault(chain, List.of());
    }

    /**
     * Why a payment of {@code method} that has {@code required} confirmations at {@code height} in block
     * {@code blockHash} (null for a 0-conf payment) must not settle yet, or empty. A raised condition on its chain
     * holds it without asking anyone; otherwise a mined payment needs a witness to confirm it (one request per
     * witness per payment about to settle).
     */
    public Optional<String> holdReason(PaymentMethodId method, String txid, String blockHash, Integer height,
                                       int required) {
        for (Watched w : chains.values()) {
            if (!w.covers().test(method)) {
                continue;
            }
            List<Condition> now = raised(w.observer().chain());
            if (!now.isEmpty()) {
                Condition c = now.get(0);
                return Optional.of("chain alert " + c.kind().id() + " on " + c.chain() + ": " + c.reason());
            }
            if (blockHash == null || height == null) {
                return Optional.empty();
            }
            return w.observer().witnessDisagreement(txid, blockHash, height, required);
        }
        return Optional.empty();
    }
}
