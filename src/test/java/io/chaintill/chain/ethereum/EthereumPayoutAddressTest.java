package io.chaintill.chain.ethereum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class EthereumPayoutAddressTest {
    /** EIP-55's own example. */
    private static final String CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    private static String refused(String input) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> EthereumAddresses.payoutAddress(input, "destination"));
        assertEquals("destination", e.field());
        return e.getMessage();
    }

    @Test
    void lowerCaseAndCorrectlyChecksummedAddressesAreCanonicalised() {
        assertEquals(CHECKSUMMED, EthereumAddresses.payoutAddress(CHECKSUMMED.toLowerCase(), "destination"));
        assertEquals(CHECKSUMMED, EthereumAddresses.payoutAddress(" " + CHECKSUMMED + " ", "destination"));
    }

    @Test
    void aWrongChecksumAKeyAndGarbageAreRefused() {
        assertTrue(refused("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD").contains("checksum"));
        assertTrue(refused("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318").contains("private key"));
        assertTrue(refused("0x1234").contains("not an Ethereum address"));
    }
}
