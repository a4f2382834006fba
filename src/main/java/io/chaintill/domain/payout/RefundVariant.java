package io.chaintill.domain.payout;

/** Greenfield's refundVariant. */
public enum RefundVariant {
    RateThen, CurrentRate, OverpaidAmount, Fiat, Custom
}
