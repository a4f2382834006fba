package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class TransactionRelayTest {
    /** Bitcoin's first non-coinbase transaction (block 170), a real signed transaction. */
    static final String BLOCK_170_TX = "0100000001c997a5e56e104102fa209c6a852dd90660a20b2d9c352423edce25857fcd3704000000004847304402204e45e16932b8af514961a1d3a1a25fdf3f4f7732e9d624c6c61548ab5fb8cd410220181522ec8eca07de4860a4acdd12909d831cc56cbbac4622082221a8768d1d0901ffffffff0200ca9a3b00000000434104ae1a62fe09c5f51b13905f07f06b99a2f7159b2225f374cd378d71302fa28414e7aab37397f554a7df5f142c21c1b7303b8a0626f1baded5c72a704f7e6cd84cac00286bee0000000043410411db93e1dcdb8a016b49840f8c53bc1eb68a382e97b1482ecad7b148a6909a5cb2e0eaddfb84ccf9744464f82e160bfa9b8b64f9d4c03f999b8643f656b412a3ac00000000";

    @Test
    void aSignedTransactionPasses() {
        assertEquals(BLOCK_170_TX, TransactionRelay.validate("  " + BLOCK_170_TX.toUpperCase() + "\n"));
    }

    @Test
    void refusalsNameTheHexField() {
        for (String bad : new String[] {null, "", "zz", "abc", "00", BLOCK_170_TX + "00", BLOCK_170_TX.substring(0, 100)}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> TransactionRelay.validate(bad));
            assertEquals("hex", e.field());
            assertTrue(e.getMessage().length() > 5);
        }
    }
}
