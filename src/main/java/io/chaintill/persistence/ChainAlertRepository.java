package io.chaintill.persistence;

import io.chaintill.application.ChainAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The chain_alert rows (V10). Plain SQL: alerts have no behaviour of their own. */
@ApplicationScoped
public class ChainAlertRepository {
    private static final String COLUMNS = "id, chain, kind, sources, height, hashes, reason, first_seen, last_seen, cleared_at";
    /** Sources and hashes are stored joined; neither contains it. */
    private static final String SEPARATOR = "\n";
    /** A null height is bound without a type, which PostgreSQL takes for text: the cast names it. */
    private static final String HEIGHT = "CAST(? AS INTEGER)";

    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    /** The open alerts of a chain, by condition key. */
    public List<Open> open(String chain) {
        List<?> rows = em.createNativeQuery("SELECT condition_key, " + COLUMNS + " FROM chain_alert WHERE chain = ?"
                + " AND cleared_at IS NULL FOR UPDATE").setParameter(1, chain).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Open((String) r[0], alert(Arrays.copyOfRange(r, 1, r.length)))).toList();
    }

    public record Open(String conditionKey, ChainAlert alert) {
    }

    public void insert(String conditionKey, ChainAlert a) {
        em.createNativeQuery("INSERT INTO chain_alert (condition_key, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, " + HEIGHT
                        + ", ?, ?, ?, ?, NULL)")
                .setParameter(1, bounded(conditionKey, 1000)).setParameter(2, a.id()).setParameter(3, a.chain())
                .setParameter(4, a.kind()).setParameter(5, bounded(String.join(SEPARATOR, a.sources()), 1000))
                .setParameter(6, a.height()).setParameter(7, bounded(String.join(SEPARATOR, a.hashes()), 1000))
                .setParameter(8, bounded(a.reason(), 2000)).setParameter(9, a.firstSeen().toEpochMilli())
                .setParameter(10, a.lastSeen().toEpochMilli()).executeUpdate();
    }

    public void seen(String id, Integer height, List<String> hashes, String reason, Instant at) {
        em.createNativeQuery("UPDATE chain_alert SET height = " + HEIGHT + ", hashes = ?, reason = ?, last_seen = ? WHERE id = ?")
                .setParameter(1, height).setParameter(2, bounded(String.join(SEPARATOR, hashes), 1000))
                .setParameter(3, bounded(reason, 2000)).setParameter(4, at.toEpochMilli()).setParameter(5, id)
                .executeUpdate();
    }

    public void clear(String id, Instant at) {
        em.createNativeQuery("UPDATE chain_alert SET cleared_at = ?, last_seen = ? WHERE id = ?")
                .setParameter(1, at.toEpochMilli()).setParameter(2, at.toEpochMilli()).setParameter(3, id).executeUpdate();
    }

    /** Newest first; {@code raisedOnly} leaves out cleared ones. */
    public List<ChainAlert> list(boolean raisedOnly, int skip, int take) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM chain_alert"
                        + (raisedOnly ? " WHERE cleared_at IS NULL" : "") + " ORDER BY first_seen DESC, id")
                .setFirstResult(skip).setMaxResults(take).getResultList();
        return rows.stream().map(r -> alert((Object[]) r)).toList();
    }

    private static ChainAlert alert(Object[] r) {
        return new ChainAlert((String) r[0], (String) r[1], (String) r[2], split((String) r[3]),
                r[4] == null ? null : ((Number) r[4]).intValue(), split((String) r[5]), (String) r[6],
                Instant.ofEpochMilli(((Number) r[7]).longValue()), Instant.ofEpochMilli(((Number) r[8]).longValue()),
                r[9] == null ? null : Instant.ofEpochMilli(((Number) r[9]).longValue()));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR));
    }

    private static String bounded(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
