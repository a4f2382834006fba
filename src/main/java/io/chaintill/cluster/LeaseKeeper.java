package io.chaintill.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One node's side of one lease: takes it when free, renews it after a third of its time, and stops claiming it
 * the moment it can no longer be sure of it (a renewal refused, or the store unreachable past the lease's own end).
 * A node that does not hold it asks again at most every {@code retry}, so standby nodes cost the store little and a
 * dead holder's lease is taken over within {@code ttl + retry}. Thread-safe; callers poll {@link #holds()}.
 */
public final class LeaseKeeper {
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

    private final String resource;
    private final String holder;
    private final Duration ttl;
    private final Duration retry;
    private final LeaseStore store;
    private final Clock clock;

    /** Until when the lease is surely ours: ttl after the last successful take was sent (the store's is later). */
    private Instant heldUntil;
    private Instant renewAt;
    private Instant nextAttempt = Instant.EPOCH;
    private boolean closed;

    public LeaseKeeper(String resource, String holder, Duration ttl, Duration retry, LeaseStore store, Clock clock) {
        if (ttl.isNegative() || ttl.isZero() || retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("lease ttl and retry must be positive");
        }
        this.resource = resource;
        this.holder = holder;
        this.ttl = ttl;
        this.retry = retry;
        this.store = store;
        this.clock = clock;
    }

    /** Whether this node may do the lease's work now; takes or renews the lease when that is due. */
    public synchronized boolean holds() {
        if (closed) {
            return false;
        }
        Instant now = clock.instant();
        if (heldUntil != null && now.isBefore(renewAt)) {
            return true;
        }
        if (now.isBefore(nextAttempt)) {
            return stillHeld(now);
        }
        nextAttempt = now.plus(retry);
        try {
            if (store.tryTake(resource, holder, ttl)) {
                if (heldUntil == null) {
                    LOG.info(holder + " took the " + resource + " lease");
                }
                heldUntil = now.plus(ttl);
                renewAt = now.plus(ttl.dividedBy(3));
                return true;
            }
            if (heldUntil != null) {
                LOG.warning(holder + " lost the " + resource + " lease to another node");
            }
            heldUntil = null;
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, holder + " could not renew the " + resource + " lease: " + e.getMessage(), e);
            return stillHeld(now);
        }
    }

    private boolean stillHeld(Instant now) {
        if (heldUntil != null && !now.isBefore(heldUntil)) {
            LOG.warning(holder + " gives up the " + resource + " lease: not renewed before it ended");
            heldUntil = null;
        }
        return heldUntil != null;
    }

    /** Hands the lease over (if held) and never claims it again: called when the node shuts down. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (heldUntil != null) {
            heldUntil = null;
            try {
                store.release(resource, holder);
                LOG.info(holder + " released the " + resource + " lease");
            } catch (RuntimeException e) {
                LOG.warning(holder + " could not release the " + resource + " lease (it expires by itself): "
                        + e.getMessage());
            }
        }
    }
}
