package io.chaintill.application;

import io.chaintill.chain.integrity.Condition;
import io.chaintill.domain.store.ServerEventType;
import io.chaintill.persistence.ChainAlertRepository;
import io.chaintill.persistence.ServerEventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Turns each pass's raised conditions into stored alerts: a condition not yet open is raised (one row, one log line),
 * an open one is refreshed, an open one no longer seen is cleared (one log line). Each raise and each clear is one
 * ChainAlert webhook event in the outbox, in the same transaction. No storms: a condition is raised again only after
 * it cleared. The open rows are locked, so nodes sharing the database do not raise it twice.
 */
@ApplicationScoped
public class ChainAlertBook {
    private static final Logger LOG = Logger.getLogger(ChainAlertBook.class.getName());

    @Inject
    ChainAlertRepository alerts;
    @Inject
    ServerEventOutbox outbox;

    /** @param tipHeight the best tip the pass saw (the webhooks' tipHeight), or null */
    @Transactional
    public void update(String chain, List<Condition> raised, Instant now, Integer tipHeight) {
        Map<String, ChainAlertRepository.Open> open = new HashMap<>();
        for (ChainAlertRepository.Open o : alerts.open(chain)) {
            open.put(o.conditionKey(), o);
        }
        Map<String, Condition> current = new LinkedHashMap<>();
        raised.forEach(c -> current.putIfAbsent(c.key(), c));
        for (Condition c : current.values()) {
            ChainAlertRepository.Open o = open.remove(c.key());
            if (o == null) {
                ChainAlert a = new ChainAlert(Ids.newId(), chain, c.kind().id(), c.sources(), c.height(), c.hashes(),
                        c.reason(), now, now, null);
                alerts.insert(c.key(), a);
                announce(a, tipHeight);
                LOG.warning("chain alert raised: " + chain + " " + c.kind().id() + " (" + a.id() + "): " + c.reason());
            } else {
                alerts.seen(o.alert().id(), c.height(), c.hashes(), c.reason(), now);
            }
        }
        for (ChainAlertRepository.Open o : open.values()) {
            alerts.clear(o.alert().id(), now);
            ChainAlert a = o.alert();
            announce(new ChainAlert(a.id(), a.chain(), a.kind(), a.sources(), a.height(), a.hashes(), a.reason(),
                    a.firstSeen(), now, now), tipHeight);
            LOG.info("chain alert cleared: " + chain + " " + o.alert().kind() + " (" + o.alert().id() + ") after "
                    + java.time.Duration.between(o.alert().firstSeen(), now).toSeconds() + " s: " + o.alert().reason());
        }
    }

    private void announce(ChainAlert a, Integer tipHeight) {
        outbox.append(ServerEventType.ChainAlert, ChainAlertEvent.data(a, tipHeight), ChainAlertEvent.at(a));
    }

    @Transactional
    public List<ChainAlert> list(boolean raisedOnly, int skip, int take) {
        return alerts.list(raisedOnly, skip, take);
    }
}
