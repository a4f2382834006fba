package io.chaintill.application;

import io.chaintill.chain.integrity.Condition;
import io.chaintill.chain.integrity.SourceState;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each followed chain's health as /api/v1/health reports it: the follower's state, turned DEGRADED while an
 * integrity alert is raised on that chain (payments are still seen, settlement may be held), and the integrity
 * sources' tips and lags. DOWN means payments are not being seen at all.
 */
@ApplicationScoped
public class ChainHealth {
    public enum Level { UP, DEGRADED, DOWN, DISABLED, STARTING }

    /** @param alerts the kinds raised on its chain; {@code sources} its primary and witnesses, empty without checks */
    public record Entry(Level level, ChainStatus.Snapshot follower, List<String> alerts, List<SourceState> sources) {
    }

    @Inject
    ChainStatus status;
    @Inject
    ChainIntegrity integrity;

    /** Every chain that reported (BTC always), by key. */
    public Map<String, Entry> all() {
        Map<String, ChainStatus.Snapshot> followers = status.all();
        followers.putIfAbsent("BTC", status.of("BTC"));
        Map<String, Entry> out = new TreeMap<>();
        followers.forEach((key, snapshot) -> out.put(key, entry(key, snapshot)));
        return out;
    }

    /** The worst of the chains' levels that matter: DOWN, else DEGRADED, else UP. */
    public static Level overall(Iterable<Entry> entries) {
        Level worst = Level.UP;
        for (Entry e : entries) {
            if (e.level() == Level.DOWN) {
                return Level.DOWN;
            }
            if (e.level() == Level.DEGRADED) {
                worst = Level.DEGRADED;
            }
        }
        return worst;
    }

    private Entry entry(String key, ChainStatus.Snapshot s) {
        Optional<String> chain = chainOf(key);
        List<String> alerts = chain.map(c -> integrity.raised(c).stream().map(Condition::kind)
                .map(k -> k.id()).distinct().toList()).orElse(List.of());
        List<SourceState> sources = chain.map(integrity::sources).orElse(List.of());
        Level level = Level.valueOf(s.state().name());
        if (level == Level.UP && !alerts.isEmpty()) {
            level = Level.DEGRADED;
        }
        return new Entry(level, s, alerts, sources);
    }

    private Optional<String> chainOf(String key) {
        try {
            return integrity.chainOf(PaymentMethodId.parse(key, "chain"));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
