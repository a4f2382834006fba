package io.chaintill.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.uri.BitcoinURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Bip21UriTest {
    private static final String ADDRESS = "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu";

    @ParameterizedTest
    @CsvSource({
            "1, 0.00000001",
            "10, 0.0000001",
            "1000, 0.00001",
            "150000, 0.0015",
            "100000000, 1",
            "123456789, 1.23456789",
            "2100000000000000, 21000000",
            "2099999999999999, 20999999.99999999"})
    void amountIsPlainDecimalBtc(String sats, String btc) {
        String uri = Bip21Uri.of(ADDRESS, new BigInteger(sats)).toUri();
        assertEquals("bitcoin:" + ADDRESS + "?amount=" + btc, uri);
        assertEquals(new BigInteger(sats), Bip21Uri.parse(uri).amountSats().orElseThrow());
    }

    @Test
    void amountIsOmittedWhenNullOrZero() {
        assertEquals("bitcoin:" + ADDRESS, Bip21Uri.of(ADDRESS, null).toUri());
        assertEquals("bitcoin:" + ADDRESS, Bip21Uri.of(ADDRESS, BigInteger.ZERO).toUri());
        assertEquals("bitcoin:" + ADDRESS + "?label=Shop", Bip21Uri.of(ADDRESS, BigInteger.ZERO, "Shop", null).toUri());
        assertEquals(Optional.empty(), Bip21Uri.parse("bitcoin:" + ADDRESS).amountSats());
    }

    @Test
    void labelAndMessageArePercentEncodedPerRfc3986() {
        Bip21Uri uri = Bip21Uri.of(ADDRESS, BigInteger.valueOf(150_000), "Café Büro & Co", "Order #42: 1+1=2 ~ok_-.");
        assertEquals("bitcoin:" + ADDRESS + "?amount=0.0015"
                        + "&label=Caf%C3%A9%20B%C3%BCro%20%26%20Co"
                        + "&message=Order%20%2342%3A%201%2B1%3D2%20~ok_-.",
                uri.toUri());
    }

    @Test
    void labelAndMessageSurviveARoundTripIncludingPlusAndEmoji() {
        Bip21Uri original = Bip21Uri.of(ADDRESS, BigInteger.ONE, "a+b c/d?e=f&g", "thanks \uD83D\uDE80 100%");
        Bip21Uri parsed = Bip21Uri.parse(original.toUri());
        assertEquals(original, parsed);
        assertEquals("a+b c/d?e=f&g", parsed.label().orElseThrow());
        assertEquals("thanks \uD83D\uDE80 100%", parsed.message().orElseThrow());
    }

    @Test
    void bitcoinjReadsTheSameLink() throws Exception {
        String uri = Bip21Uri.of(ADDRESS, BigInteger.valueOf(150_000), "Order 42 café", "Thanks & bye").toUri();
        BitcoinURI read = BitcoinURI.of(uri, BitcoinNetwork.MAINNET);
        assertEquals(ADDRESS, read.getAddress().toString());
        assertEquals(Coin.valueOf(150_000), read.getAmount());
        assertEquals("Order 42 café", read.getLabel());
        assertEquals("Thanks & bye", read.getMessage());
    }

    @Test
    void parsesWhatOtherWalletsWrite() {
        Bip21Uri parsed = Bip21Uri.parse("BITCOIN:BC1QCR8TE4KR609GCAWUTMRZA0J4XV80JY8Z306FYU?amount=0.00150000&label=Luke-Jr&foo=bar");
        assertEquals(BigInteger.valueOf(150_000), parsed.amountSats().orElseThrow());
        assertEquals("Luke-Jr", parsed.label().orElseThrow());
        assertTrue(parsed.message().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "bitcoin:" + ADDRESS + "?amount=0.000000001",
            "bitcoin:" + ADDRESS + "?amount=-1",
            "bitcoin:" + ADDRESS + "?amount=1e-3",
            "bitcoin:" + ADDRESS + "?amount=1,5",
            "bitcoin:" + ADDRESS + "?amount=21000000.00000001",
            "bitcoin:" + ADDRESS + "?req-somethingyoudontunderstand=50",
            "bitcoin:" + ADDRESS + "?amount=1&amount=2",
            "bitcoin:" + ADDRESS + "?label=%ZZ",
            "bitcoin:" + ADDRESS + "?label=%E",
            "bitcoin:" + ADDRESS + "?label=%C3%28",
            "litecoin:" + ADDRESS,
            "bitcoin:"})
    void refusesBrokenLinks(String uri) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Bip21Uri.parse(uri));
        assertTrue(Set.of("uri", "amount", "address").contains(e.field()), e.field());
    }

    @Test
    void refusesImpossibleAmountsAndAddressesThatWouldBreakTheLink() {
        assertEquals("amount", assertThrows(InvalidInputException.class,
                () -> Bip21Uri.of(ADDRESS, BigInteger.valueOf(-1))).field());
        assertEquals("amount", assertThrows(InvalidInputException.class,
                () -> Bip21Uri.of(ADDRESS, Bip21Uri.MAX_SATOSHIS.add(BigInteger.ONE))).field());
        assertEquals("address", assertThrows(InvalidInputException.class,
                () -> Bip21Uri.of(ADDRESS + "?amount=1000", null)).field());
        assertEquals("address", assertThrows(InvalidInputException.class, () -> Bip21Uri.of(" ", null)).field());
    }
}
