package io.chaintill.chain;

import java.util.concurrent.atomic.AtomicBoolean;

/** A doorbell between a push source (ZMQ) and the polling follower: rung on news, consumed by the next pass. */
public class ChainWakeup {
    private final AtomicBoolean rung = new AtomicBoolean();

    public void ring() {
        rung.set(true);
    }

    /** True once per ring. */
    public boolean consume() {
        return rung.getAndSet(false);
    }
}
