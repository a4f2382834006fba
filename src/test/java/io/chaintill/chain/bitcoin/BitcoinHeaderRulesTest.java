package io.chaintill.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.integrity.BlockHeader;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Mainnet's genesis block and block 1, as every node serves them. */
class BitcoinHeaderRulesTest {
    private static final String GENESIS_HASH = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    private static final String GENESIS = "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd"
            + "7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c";
    private static final String BLOCK1_HASH = "00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048";
    private static final String BLOCK1 = "010000006fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000982051fd"
            + "1e4ba744bbbe680e1fee14677ba1a3c3540bf7b1cdb606e857233e0e61bc6649ffff001d01e36299";
    private final BitcoinHeaderRules mainnet = new BitcoinHeaderRules(ChainNetwork.MAINNET);

    private static BlockHeader header(int height, String hex, String hash) {
        BlockHeader parsed = BitcoinHeaders.parse(HexFormat.of().parseHex(hex), hash);
        return new BlockHeader(height, hash, parsed.previousHash(), parsed.time(), parsed.raw());
    }

    @Test
    void realHeadersPass() {
        assertEquals(GENESIS_HASH, BitcoinHeaderRules.hashOf(HexFormat.of().parseHex(GENESIS)));
        BlockHeader block1 = header(1, BLOCK1, BLOCK1_HASH);
        assertEquals(GENESIS_HASH, block1.previousHash());
        assertTrue(mainnet.problem(block1, header(0, GENESIS, GENESIS_HASH)).isEmpty());
    }

    @Test
    void aHeaderWhoseBytesDoNotHashToTheClaimedHashIsRefused() {
        String other = BLOCK1.substring(0, 152) + "00" + BLOCK1.substring(154); // the nonce changed: no work behind it
        BlockHeader forged = header(1, other, BLOCK1_HASH);
        assertTrue(mainnet.problem(forged, header(0, GENESIS, GENESIS_HASH)).orElseThrow().contains("hashes to"));
    }

    @Test
    void aHeaderNotMeetingItsTargetIsRefusedEvenWithAConsistentHash() {
        String other = BLOCK1.substring(0, 152) + "00" + BLOCK1.substring(154);
        String hash = BitcoinHeaderRules.hashOf(HexFormat.of().parseHex(other));
        assertTrue(mainnet.problem(header(1, other, hash), header(0, GENESIS, GENESIS_HASH)).orElseThrow()
                .contains("does not meet its proof-of-work target"));
    }

    @Test
    void aHeaderNotLinkingToTheServedParentIsRefused() {
        BlockHeader block1 = header(1, BLOCK1, BLOCK1_HASH);
        BlockHeader notParent = new BlockHeader(0, BLOCK1_HASH, GENESIS_HASH, block1.time(), block1.raw());
        assertTrue(mainnet.problem(block1, notParent).orElseThrow().contains("names parent"));
    }

    @Test
    void anEasierTargetOutsideARetargetHeightIsRefused() {
        // regtest's easy bits on a mainnet header: beyond the proof-of-work limit
        String easy = BLOCK1.substring(0, 144) + "ffff7f20" + BLOCK1.substring(152);
        String hash = BitcoinHeaderRules.hashOf(HexFormat.of().parseHex(easy));
        assertTrue(mainnet.problem(header(1, easy, hash), header(0, GENESIS, GENESIS_HASH)).orElseThrow()
                .contains("proof-of-work limit"));
    }

    @Test
    void compactTargetDecoding() {
        assertEquals(new java.math.BigInteger("ffff", 16).shiftLeft(8 * 26), BitcoinHeaderRules.target(0x1d00ffffL));
        assertEquals(java.math.BigInteger.ZERO, BitcoinHeaderRules.target(0x1d800000L), "sign bit set");
    }
}
