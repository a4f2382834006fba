package io.chaintill.chain.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WitnessSpecTest {
    private static final Set<String> KINDS = Set.of("bitcoind", "esplora");

    @Test
    void parsesACommaSeparatedListAndTakesTheCredentialsOutOfTheUrl() {
        List<WitnessSpec> list = WitnessSpec.parseList(
                " bitcoind:http://alice:s%3Acret@127.0.0.1:18443 , esplora:https://mempool.space/api", "k", KINDS);
        assertEquals(2, list.size());
        WitnessSpec node = list.get(0);
        assertEquals("bitcoind", node.kind());
        assertEquals("alice", node.user());
        assertEquals("s:cret", node.password());
        assertEquals("http://127.0.0.1:18443", node.url().toString());
        assertFalse(node.toString().contains("cret"), node.toString());
        assertEquals("esplora https://mempool.space/api", list.get(1).toString());
        assertEquals("", list.get(1).user());
    }

    @Test
    void emptyIsNoWitness() {
        assertTrue(WitnessSpec.parseList("  ", "k", KINDS).isEmpty());
        assertTrue(WitnessSpec.parseList(null, "k", KINDS).isEmpty());
    }

    @Test
    void aBadEntryIsRefusedNamingKeyAndPositionButNotItsCredentials() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WitnessSpec.parseList(
                "bitcoind:http://127.0.0.1:1,electrum:http://u:topsecret@x", "chaintill.btc.witnesses", KINDS));
        assertTrue(e.getMessage().startsWith("chaintill.btc.witnesses[1]"), e.getMessage());
        assertFalse(e.getMessage().contains("topsecret"));
        assertThrows(IllegalArgumentException.class, () -> WitnessSpec.parseList("bitcoind:ftp://x", "k", KINDS));
        assertThrows(IllegalArgumentException.class, () -> WitnessSpec.parseList("bitcoind:http://", "k", KINDS));
        assertThrows(IllegalArgumentException.class, () -> WitnessSpec.parseList("x".repeat(5000), "k", KINDS));
    }
}
