package io.chaintill.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.domain.InvalidInputException;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;

class BitcoinPayoutAddressTest {
    private static final String REGTEST = "bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk";

    private static String refused(String input, ChainNetwork network) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BitcoinPayoutAddress.parse(input, network, "destination"));
        assertEquals("destination", e.field());
        assertFalse(!input.isBlank() && e.getMessage().contains(input.strip()), "the input is not echoed");
        return e.getMessage();
    }

    @Test
    void anAddressOfTheNetworkAloneOrInABip21Link() {
        assertEquals(REGTEST, BitcoinPayoutAddress.parse("  " + REGTEST + "\n", ChainNetwork.REGTEST, "destination"));
        assertEquals(REGTEST, BitcoinPayoutAddress.parse("bitcoin:" + REGTEST + "?amount=0.1", ChainNetwork.REGTEST, "d"));
        assertEquals("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                BitcoinPayoutAddress.parse("BITCOIN:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", ChainNetwork.MAINNET, "d"));
    }

    @Test
    void anotherNetworkOrGarbageIsRefusedNamingTheNetwork() {
        assertTrue(refused("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", ChainNetwork.REGTEST).contains("regtest"));
        assertTrue(refused(REGTEST, ChainNetwork.MAINNET).contains("mainnet"));
        assertTrue(refused("bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppX", ChainNetwork.REGTEST).contains("not a valid"));
        assertEquals("is required", refused(" ", ChainNetwork.REGTEST));
        assertTrue(refused("x".repeat(2001), ChainNetwork.REGTEST).contains("at most"));
    }

    @Test
    void privateKeysAndSeedsAreRefusedAsSuch() {
        String wif = new ECKey().getPrivateKeyAsWiF(BitcoinNetwork.REGTEST);
        assertTrue(refused(wif, ChainNetwork.REGTEST).contains("private key"));
        assertTrue(refused(new ECKey().getPrivateKeyAsWiF(BitcoinNetwork.MAINNET), ChainNetwork.MAINNET).contains("private key"));
        assertTrue(refused("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
                ChainNetwork.REGTEST).contains("seed"));
        assertTrue(refused(new ECKey().getPrivateKeyAsHex(), ChainNetwork.REGTEST).contains("private key"));
    }
}
