package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ethereum.EthereumTestWallets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Derivation against anvil's published accounts, and the wrong-wallet refusal. */
class SweepWalletTest {
    private static final String MNEMONIC = EthereumTestWallets.ANVIL_MNEMONIC;
    private static final String ANVIL_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String ANVIL_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Test
    void mnemonicDerivesAnvilsDevAccounts() {
        WalletSecret wallet = WalletSecret.parse(MNEMONIC + "\n", "");
        assertEquals(ANVIL_0, wallet.address(0));
        assertEquals(ANVIL_1, wallet.address(1));
        assertEquals("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
                "0x" + wallet.credentials(0).getEcKeyPair().getPrivateKey().toString(16));
    }

    @Test
    void extraWhitespaceAndCapitalsInTheMnemonicDoNotMatter() {
        assertEquals(ANVIL_1, WalletSecret.parse("  Test test\ttest test test test\ntest test test test test JUNK ", "")
                .address(1));
    }

    @Test
    void accountXprvAndMasterXprvDeriveTheSameAddresses() {
        assertEquals(ANVIL_1, WalletSecret.parse(EthereumTestWallets.accountXprv(MNEMONIC), "").address(1));
        String master = EthereumTestWallets.serialize(EthereumTestWallets.derive(MNEMONIC), true);
        assertEquals(ANVIL_0, WalletSecret.parse(master, "").address(0));
    }

    @Test
    void passphraseGivesAnotherWallet() {
        assertNotEquals(ANVIL_0, WalletSecret.parse(MNEMONIC, "extra words").address(0));
    }

    @Test
    void badSecretsAreExplainedWithoutEchoingThem() {
        String badChecksum = "test test test test test test test test test test test test";
        SweepException e = assertThrows(SweepException.class, () -> WalletSecret.parse(badChecksum, ""));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertFalse(e.getMessage().contains("test test"));
        assertTrue(assertThrows(SweepException.class, () -> WalletSecret.parse("just five words here now", ""))
                .getMessage().contains("5 words"));
        assertTrue(assertThrows(SweepException.class, () -> WalletSecret.parse(EthereumTestWallets.ANVIL_XPUB, ""))
                .getMessage().contains("PUBLIC"));
        assertTrue(assertThrows(SweepException.class, () -> WalletSecret.parse("", ""))
                .getMessage().contains("--secret-file"));
        String deep = EthereumTestWallets.serialize(EthereumTestWallets.derive(MNEMONIC,
                44 | org.web3j.crypto.Bip32ECKeyPair.HARDENED_BIT), true);
        assertTrue(assertThrows(SweepException.class, () -> WalletSecret.parse(deep, "")).getMessage().contains("depth 1"));
        assertEquals("WalletSecret[redacted]", WalletSecret.parse(MNEMONIC, "").toString());
    }

    @Test
    void serverAddressesOfAnotherWalletAreRefused() {
        WalletSecret wallet = WalletSecret.parse(MNEMONIC, "");
        SweepChecks.sameWallet(wallet, List.of(new HandedOutAddress(0, ANVIL_0.toLowerCase(), "inv0", "1"),
                new HandedOutAddress(1, ANVIL_1, "inv1", "0")));
        SweepException e = assertThrows(SweepException.class, () -> SweepChecks.sameWallet(wallet,
                List.of(new HandedOutAddress(1, ANVIL_0, "inv", "1"))));
        assertTrue(e.getMessage().startsWith("wrong wallet: m/44'/60'/0'/0/1"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was sent"));
    }
}
