package io.chaintill.cluster;

import java.time.Duration;

/**
 * Where leases live. Both operations are single atomic statements, so the store, not the nodes, decides who
 * holds a lease; the expiry is measured on the store's clock, so nodes' clocks need not agree.
 */
public interface LeaseStore {

    /** Takes the lease for {@code ttl} if nobody holds it, it has expired, or {@code holder} already has it. */
    boolean tryTake(String resource, String holder, Duration ttl);

    /** Gives the lease up at once, if {@code holder} still has it, so the next node need not wait for the expiry. */
    void release(String resource, String holder);
}
