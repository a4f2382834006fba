package io.chaintill.chain;

/** The node refused a transaction (already spent inputs, bad signature, fee too low ...); the message is its reason. */
public class BroadcastRejectedException extends RuntimeException {
    public BroadcastRejectedException(String reason) {
        super(reason);
    }
}
