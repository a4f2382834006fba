package io.chaintill.chain.ethereum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code chaintill.eth.tokens} as operators write it. */
class EthereumTokenListTest {

    @Test
    void entriesBecomeTokensWithChecksummedContracts() {
        List<Erc20Token> tokens = Erc20TokenList.parse(
                " usdt:0xdac17f958d2ee523a2206206994597c13d831ec7:6 ,, USDC:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48:6", 1);
        assertEquals(List.of(new Erc20Token("USDT", "0xdAC17F958D2ee523a2206206994597C13D831ec7", 6, 1),
                new Erc20Token("USDC", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 6, 1)), tokens);
        assertEquals("USDT-ERC20", tokens.get(0).methodId().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "USDT:0xdAC17F958D2ee523a2206206994597C13D831ec7 | expected SYMBOL:0xContract:decimals",
            "ETH:0xdAC17F958D2ee523a2206206994597C13D831ec7:18 | not ETH, POL or BTC",
            "USDT:0xdAC17F958D2ee523a2206206994597C13D831ec7:6,USDT:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48:6 | listed twice",
            "USDT:0xdAC17F:6 | 40 hex digits",
            "USDT:0xdAC17F958D2ee523a2206206994597C13D831ec7:six | whole number",
            "USDT:0xdAC17F958D2ee523a2206206994597C13D831ec7:37 | between 0 and 36"})
    void malformedEntriesAreRefusedNamingTheKeyAndEntry(String list, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Erc20TokenList.parse(list, 1));
        assertTrue(e.getMessage().startsWith("chaintill.eth.tokens: '"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
