package io.chaintill.webhook;

/** Where a delivery stands. Pending covers both "waiting for its next attempt" and "an attempt is in flight". */
public enum DeliveryStatus {
    Pending, Delivered, Failed
}
