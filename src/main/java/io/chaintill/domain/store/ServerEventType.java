package io.chaintill.domain.store;

/**
 * Events about the server rather than one invoice or payout (ChainTill only): each goes to every store webhook that
 * wants it, with {@code invoiceId} null and {@code metadata} {}.
 */
public enum ServerEventType {
    /** A chain integrity alert was raised or cleared (docs/chain-integrity.md). */
    ChainAlert
}
