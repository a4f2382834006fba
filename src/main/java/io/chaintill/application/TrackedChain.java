package io.chaintill.application;

import io.chaintill.domain.payment.PaymentMethodId;

/** Which chain a follower tracks (cursor key) and the payment method its payments belong to. */
public record TrackedChain(String chainId, PaymentMethodId method, int decimals) {
}
