package io.chaintill.chain.ethereum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EthereumAddressesTest {

    /** The test vectors of EIP-55 itself (all caps, all lower, mixed). */
    @ParameterizedTest
    @ValueSource(strings = {
            "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
            "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void eip55Vectors(String vector) {
        assertEquals(vector, EthereumAddresses.checksum(vector.toLowerCase(Locale.ROOT)));
        assertEquals(vector, EthereumAddresses.checksum("0x" + vector.substring(2).toUpperCase(Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED",
            "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"})
    void matchKeyIsFortyLowerCaseHexDigits(String address) {
        assertEquals("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", EthereumAddresses.matchKey(address));
    }
}
