package io.chaintill.application;

import io.chaintill.chain.integrity.AlertKind;
import io.chaintill.chain.integrity.Condition;
import io.chaintill.rates.DepeggedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the operator a USD-pegged token left its band, through the chain alerts (GET /api/v1/chains/alerts, kind
 * "depeg", chain "rate:&lt;TOKEN&gt;"), and clears the alert when a later pricing finds it back inside. Each
 * refused invoice would otherwise be a database write: while depegged, the alert is refreshed at most once a
 * minute per node. Its own transaction, so the refusal that follows does not roll the alert back.
 */
@ApplicationScoped
public class DepegAlerts {
    static final Duration REFRESH = Duration.ofMinutes(1);

    @Inject
    ChainAlertBook alerts;
    @Inject
    Clock clock;

    /** Last write per token: when, and whether it raised. Unknown after a start, so the first pricing reconciles. */
    private final Map<String, Noted> noted = new ConcurrentHashMap<>();

    private record Noted(boolean depegged, Instant at) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void depegged(DepeggedException e) {
        Instant now = clock.instant();
        Noted before = noted.get(e.token());
        if (before != null && before.depegged() && before.at().plus(REFRESH).isAfter(now)) {
            return;
        }
        String chain = chain(e.token());
        alerts.update(chain, List.of(new Condition(chain, AlertKind.DEPEG, List.of(), null, List.of(), e.getMessage())), now, null);
        noted.put(e.token(), new Noted(true, now));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void inBand(String token) {
        Noted before = noted.get(token);
        if (before != null && !before.depegged()) {
            return;
        }
        Instant now = clock.instant();
        alerts.update(chain(token), List.of(), now, null);
        noted.put(token, new Noted(false, now));
    }

    static String chain(String token) {
        return "rate:" + token;
    }
}
