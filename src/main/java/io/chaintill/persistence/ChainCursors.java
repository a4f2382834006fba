package io.chaintill.persistence;

import io.chaintill.chain.ChainCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each chain follower's cursor and the hashes of the blocks it applied recently (kept {@value #REMEMBERED_BLOCKS}
 * deep, enough to find the fork point of any realistic reorg). Plain SQL: these rows have no behaviour.
 */
@ApplicationScoped
public class ChainCursors {
    static final int REMEMBERED_BLOCKS = 200;

    @PersistenceContext(unitName = "chaintill")
    private EntityManager em;

    public Optional<ChainCursor> find(String chainId) {
        return cursor(em.createNativeQuery("SELECT height, block_hash FROM chain_cursor WHERE chain_id = ?")
                .setParameter(1, chainId).getResultList());
    }

    /** The cursor, with its row locked until the transaction ends: one node moves it at a time. */
    public Optional<ChainCursor> lock(String chainId) {
        return cursor(em.createNativeQuery("SELECT height, block_hash FROM chain_cursor WHERE chain_id = ? FOR UPDATE")
                .setParameter(1, chainId).getResultList());
    }

    public void create(String chainId, ChainCursor at, Instant now) {
        em.createNativeQuery("INSERT INTO chain_cursor (chain_id, height, block_hash, updated_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, chainId).setParameter(2, at.height()).setParameter(3, at.hash())
                .setParameter(4, now.toEpochMilli()).executeUpdate();
        rememberBlock(chainId, at);
    }

    public void move(String chainId, ChainCursor to, Instant now) {
        em.createNativeQuery("UPDATE chain_cursor SET height = ?, block_hash = ?, updated_at = ? WHERE chain_id = ?")
                .setParameter(1, to.height()).setParameter(2, to.hash()).setParameter(3, now.toEpochMilli())
                .setParameter(4, chainId).executeUpdate();
    }

    public void rememberBlock(String chainId, ChainCursor block) {
        em.createNativeQuery("DELETE FROM chain_block WHERE chain_id = ? AND (height >= ? OR height < ?)")
                .setParameter(1, chainId).setParameter(2, block.height())
                .setParameter(3, block.height() - REMEMBERED_BLOCKS).executeUpdate();
        em.createNativeQuery("INSERT INTO chain_block (chain_id, height, block_hash) VALUES (?, ?, ?)")
                .setParameter(1, chainId).setParameter(2, block.height()).setParameter(3, block.hash()).executeUpdate();
    }

    public void forgetAbove(String chainId, int height) {
        em.createNativeQuery("DELETE FROM chain_block WHERE chain_id = ? AND height > ?")
                .setParameter(1, chainId).setParameter(2, height).executeUpdate();
    }

    public Optional<String> blockHash(String chainId, int height) {
        List<?> rows = em.createNativeQuery("SELECT block_hash FROM chain_block WHERE chain_id = ? AND height = ?")
                .setParameter(1, chainId).setParameter(2, height).getResultList();
        return rows.stream().findFirst().map(String::valueOf);
    }

    private static Optional<ChainCursor> cursor(List<?> rows) {
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new ChainCursor(((Number) row[0]).intValue(), String.valueOf(row[1]));
        });
    }
}
