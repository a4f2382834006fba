package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CheckoutQueryTest {
    @Test
    void onlyAStringItemDescIsTakenFromTheMetadata() {
        assertEquals("Blue mug", CheckoutQuery.itemDesc("{\"itemDesc\":\"Blue mug\",\"buyerEmail\":\"b@x.example\"}"));
        assertNull(CheckoutQuery.itemDesc("{\"itemDesc\":{\"html\":\"<b>\"}}"));
        assertNull(CheckoutQuery.itemDesc("{\"orderId\":\"1\"}"));
        assertNull(CheckoutQuery.itemDesc("[1,2]"));
        assertNull(CheckoutQuery.itemDesc("not json"));
        assertNull(CheckoutQuery.itemDesc(null));
    }
}
