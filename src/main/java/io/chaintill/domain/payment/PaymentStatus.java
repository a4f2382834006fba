package io.chaintill.domain.payment;

/** A payment's state in Greenfield's words: seen, final (enough confirmations), or taken back by the chain. */
public enum PaymentStatus {
    Processing, Settled, Invalid
}
