package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --method names any EVM chain's method: ETH-CHAIN, SYMBOL-ERC20, and ASSET-CHAIN such as USDC-BASE. */
class SweepMethodTest {
    private static SweepOptions parse(String method, String... more) {
        List<String> args = new ArrayList<>(List.of("--server", "http://127.0.0.1:8080", "--store", "S", "--method", method,
                "--to", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "--rpc", "http://127.0.0.1:8545"));
        args.addAll(List.of(more));
        return SweepOptions.parse(args);
    }

    @Test
    void otherChainsMethodsAreTokensUnlessTheyAreANativeCoin() {
        assertTrue(parse("usdc-base").tokenSweep());
        assertEquals("USDC", parse("USDC-BASE").tokenSymbol());
        assertTrue(parse("USDT-ARBITRUM").tokenSweep());
        assertFalse(parse("ETH-BASE").tokenSweep());
        assertEquals("ETH", parse("ETH-BASE").tokenSymbol());
        assertFalse(parse("POL-POLYGON").tokenSweep());
        assertFalse(parse("ETH-CHAIN").tokenSweep());
        assertTrue(parse("USDT-ERC20").tokenSweep());
    }

    @Test
    void aContractIsForTokensOnlyAndGarbageIsRefused() {
        String why = assertThrows(SweepException.class,
                () -> parse("ETH-BASE", "--token", "0x5FbDB2315678afecb367f032d93F642f64180aa3")).getMessage();
        assertEquals("--token applies to token methods only", why);
        assertTrue(assertThrows(SweepException.class, () -> parse("USDC-B")).getMessage().startsWith("--method: "));
        assertTrue(assertThrows(SweepException.class, () -> parse("USDC BASE")).getMessage().startsWith("--method: "));
    }

    @Test
    void usdt0ContractsCountAsUsdt() {
        assertTrue(SweepCommand.sameSymbol("USD₮0", "USDT"));
        assertTrue(SweepCommand.sameSymbol("usdc", "USDC"));
        assertFalse(SweepCommand.sameSymbol("USDC", "USDT"));
        assertFalse(SweepCommand.sameSymbol("USDC0", "USDT"));
    }
}
