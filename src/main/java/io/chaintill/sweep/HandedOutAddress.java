package io.chaintill.sweep;

/** A deposit address as the server reports it: derivation index, address, invoice and what it received (decimal text). */
public record HandedOutAddress(int index, String address, String invoiceId, String received) {
}
