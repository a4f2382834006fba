package io.chaintill.chain.ethereum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Eip681UriTest {
    private static final String PAYEE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";

    @Test
    void etherWithAmountInWei() {
        assertEquals("ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@1?value=2014000000000000000",
                Eip681Uri.ether(PAYEE, 1, new BigInteger("2014000000000000000")).toUri());
    }

    @Test
    void etherWithoutAmount() {
        assertEquals("ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@1337", Eip681Uri.ether(PAYEE, 1337, null).toUri());
        assertEquals("ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@1337",
                Eip681Uri.ether(PAYEE, 1337, BigInteger.ZERO).toUri());
    }

    @Test
    void tokenTransfer() {
        assertEquals("ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer"
                        + "?address=0x70997970C51812dc3A010C7d01b50e0d17dc79C8&uint256=12500000",
                Eip681Uri.tokenTransfer(USDT, 1, PAYEE, BigInteger.valueOf(12_500_000)).toUri());
        assertEquals("ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer"
                        + "?address=0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                Eip681Uri.tokenTransfer(USDT, 1, PAYEE, null).toUri());
    }

    @Test
    void parseReadsBothShapesBack() {
        Eip681Uri ether = Eip681Uri.parse("ethereum:" + PAYEE + "@1337?value=1000000000000000001");
        assertEquals(PAYEE, ether.target());
        assertEquals(1337, ether.chainId());
        assertEquals(Optional.of(new BigInteger("1000000000000000001")), ether.amount());
        assertFalse(ether.isTokenTransfer());

        Eip681Uri token = Eip681Uri.parse("ethereum:" + USDT + "@1/transfer?address=" + PAYEE + "&uint256=1");
        assertTrue(token.isTokenTransfer());
        assertEquals(USDT, token.target());
        assertEquals(Optional.of(PAYEE), token.recipient());
        assertEquals(Optional.of(BigInteger.ONE), token.amount());
    }

    @Test
    void parseAcceptsTheScientificNotationOfTheEipExamples() {
        // EIP-681's own example: "ethereum:0xfb6916095ca1df60bb79Ce92ce3ea74c37c5d359?value=2.014e18" (plus a chain id)
        Eip681Uri uri = Eip681Uri.parse("ethereum:0xfb6916095ca1df60bb79Ce92ce3ea74c37c5d359@1?value=2.014e18");
        assertEquals(Optional.of(new BigInteger("2014000000000000000")), uri.amount());
        assertEquals("ethereum:0xfb6916095ca1df60bb79Ce92ce3ea74c37c5d359@1?value=2014000000000000000", uri.toUri());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "bitcoin:bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
            "ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8?value=1",
            "ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@1?value=1.5",
            "ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@1?value=-1",
            "ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@1?value=1&value=2",
            "ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@1?amount=1",
            "ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/approve?address=0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            "ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer?uint256=1",
            "ethereum:0x7099@1"})
    void parseRefusesOtherLinks(String uri) {
        assertEquals("uri", assertThrows(InvalidInputException.class, () -> Eip681Uri.parse(uri)).field());
    }

    @Test
    void constructionRefusesBadParts() {
        assertEquals("address", assertThrows(InvalidInputException.class,
                () -> Eip681Uri.ether("0x1234", 1, BigInteger.ONE)).field());
        assertEquals("contract", assertThrows(InvalidInputException.class,
                () -> Eip681Uri.tokenTransfer("USDT", 1, PAYEE, BigInteger.ONE)).field());
        assertEquals("chainId", assertThrows(InvalidInputException.class,
                () -> Eip681Uri.ether(PAYEE, 0, BigInteger.ONE)).field());
        assertEquals("amount", assertThrows(InvalidInputException.class,
                () -> Eip681Uri.ether(PAYEE, 1, BigInteger.valueOf(-1))).field());
    }
}
