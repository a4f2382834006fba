package io.chaintill.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardedForTest {
    private static final Set<String> BALANCER = Set.of("127.0.0.1", "10.0.0.2");

    @Test
    void aTrustedBalancersLastHopIsTheClient() {
        assertEquals("203.0.113.7", ForwardedFor.client("127.0.0.1", "203.0.113.7", BALANCER));
        assertEquals("2001:db8::1", ForwardedFor.client("127.0.0.1", "2001:db8::1", BALANCER));
    }

    @Test
    void aClientCannotChooseItsAddressBySendingTheHeaderItself() {
        // the client sent "1.2.3.4"; the balancer appended the real peer
        assertEquals("203.0.113.7", ForwardedFor.client("127.0.0.1", "1.2.3.4, 203.0.113.7", BALANCER));
        // straight to a node, not through a trusted proxy: the header is ignored
        assertEquals("198.51.100.9", ForwardedFor.client("198.51.100.9", "1.2.3.4", BALANCER));
    }

    @Test
    void chainedTrustedProxiesAreSkipped() {
        assertEquals("203.0.113.7", ForwardedFor.client("127.0.0.1", "203.0.113.7, 10.0.0.2", BALANCER));
    }

    @Test
    void garbageOrNothingLeavesThePeerAddress() {
        assertEquals("127.0.0.1", ForwardedFor.client("127.0.0.1", null, BALANCER));
        assertEquals("127.0.0.1", ForwardedFor.client("127.0.0.1", " ", BALANCER));
        assertEquals("127.0.0.1", ForwardedFor.client("127.0.0.1", "<script>", BALANCER));
        assertEquals("127.0.0.1", ForwardedFor.client("127.0.0.1", "127.0.0.1", BALANCER));
        assertEquals("203.0.113.7", ForwardedFor.client("127.0.0.1", "x".repeat(5000) + ",203.0.113.7", BALANCER));
    }
}
