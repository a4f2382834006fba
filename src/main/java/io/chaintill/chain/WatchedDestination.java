package io.chaintill.chain;

/** A destination handed to an invoice: payments to {@code scriptHex} count towards that invoice's prompt. */
public record WatchedDestination(String scriptHex, String destination, String invoiceId, String promptId) {
}
