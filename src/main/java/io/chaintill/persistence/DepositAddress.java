package io.chaintill.persistence;

import io.chaintill.domain.payment.CryptoAmount;

/** One deposit address a store handed out: where it sits on the account's receive chain and what it received. */
public record DepositAddress(int index, String address, String invoiceId, CryptoAmount received) {
}
