package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chaintill.domain.payment.PaymentMethodId;
import org.junit.jupiter.api.Test;

class ChainHeightsTest {
    /** The keys the followers store their cursors under (BitcoinFollowJob, EtherTracking, Erc20Tracking). */
    @Test
    void eachMethodReadsTheCursorOfItsFollower() {
        assertEquals("BTC", ChainHeights.chainOf(PaymentMethodId.parse("BTC-CHAIN", "m")));
        assertEquals("ETH", ChainHeights.chainOf(PaymentMethodId.parse("ETH-CHAIN", "m")));
        assertEquals("USDT-ERC20", ChainHeights.chainOf(PaymentMethodId.parse("USDT-ERC20", "m")));
    }
}
