package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The destination and option checks that run before anything is signed. */
class SweepDestinationTest {
    private static final String DEPOSIT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String SAVINGS = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final List<HandedOutAddress> HANDED_OUT = List.of(new HandedOutAddress(1, DEPOSIT, "inv1", "0.5"));

    private static String refusal(Runnable r) {
        return assertThrows(SweepException.class, r::run).getMessage();
    }

    @Test
    void aDepositAddressIsNotADestinationInAnyLetterCase() {
        SweepChecks.destination(SAVINGS, HANDED_OUT, null);
        String why = refusal(() -> SweepChecks.destination(DEPOSIT.toLowerCase(), HANDED_OUT, null));
        assertTrue(why.startsWith("--to: ") && why.contains("deposit address (index 1)"), why);
        assertTrue(refusal(() -> SweepChecks.destination(SAVINGS, HANDED_OUT, SAVINGS)).contains("gas account"));
    }

    @Test
    void destinationMustBeAnAddressWithAValidChecksum() {
        assertEquals(SAVINGS, EthereumAddress.parse(SAVINGS.toLowerCase(), "--to"), "lower case has no checksum to check");
        String typo = SAVINGS.replace("C44", "c44");
        assertTrue(refusal(() -> EthereumAddress.parse(typo, "--to")).contains("EIP-55 checksum"));
        assertTrue(refusal(() -> EthereumAddress.parse("0x1234", "--to")).contains("not an Ethereum address"));
        assertTrue(refusal(() -> EthereumAddress.parse("bc1qxyz", "--to")).startsWith("--to: "));
    }

    @Test
    void gasAccountMustNotBeADepositAddress() {
        SweepChecks.gasAccount(1_000_000, HANDED_OUT);
        String why = refusal(() -> SweepChecks.gasAccount(1, HANDED_OUT));
        assertTrue(why.startsWith("--gas-from-index: index 1") && why.contains("inv1"), why);
    }

    @Test
    void optionMistakesNameTheOption() {
        List<String> ok = List.of("--server", "http://127.0.0.1:8080", "--store", "S", "--method", "tst-erc20",
                "--to", SAVINGS, "--rpc", "http://127.0.0.1:8545", "--gas-from-index", "9");
        SweepOptions o = SweepOptions.parse(ok);
        assertEquals("TST-ERC20", o.method());
        assertEquals("TST", o.tokenSymbol());
        assertEquals(9, o.gasFromIndex());
        assertTrue(refusal(() -> SweepOptions.parse(ok.subList(0, 4))).equals("--method is required"));
        assertTrue(refusal(() -> SweepOptions.parse(replace(ok, "tst-erc20", "DOGE"))).startsWith("--method: "));
        assertTrue(refusal(() -> SweepOptions.parse(replace(ok, "9", "-1"))).startsWith("--gas-from-index: "));
        assertTrue(refusal(() -> SweepOptions.parse(replace(ok, "http://127.0.0.1:8545", "127.0.0.1:8545")))
                .startsWith("--rpc: "));
        assertTrue(refusal(() -> SweepOptions.parse(append(ok, "--verbose"))).equals("unknown option --verbose"));
        assertTrue(refusal(() -> SweepOptions.parse(append(ok, "--execute=yes"))).contains("takes no value"));
        assertTrue(refusal(() -> SweepOptions.parse(append(ok, "--store", "T"))).contains("given twice"));
    }

    private static List<String> replace(List<String> args, String from, String to) {
        return args.stream().map(a -> a.equals(from) ? to : a).toList();
    }

    private static List<String> append(List<String> args, String... more) {
        List<String> out = new java.util.ArrayList<>(args);
        out.addAll(List.of(more));
        return out;
    }
}
