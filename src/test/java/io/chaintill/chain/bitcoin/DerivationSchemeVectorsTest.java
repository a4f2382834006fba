package io.chaintill.chain.bitcoin;

import static io.chaintill.chain.bitcoin.TestWallets.account;
import static io.chaintill.chain.bitcoin.TestWallets.pub;
import static io.chaintill.chain.bitcoin.TestWallets.referenceAddress;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chaintill.chain.ChainNetwork;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.internal.ByteUtils;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.script.ScriptBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Published BIP32/44/49/84 vectors, and cross-checks against bitcoinj's private-key derivation. */
class DerivationSchemeVectorsTest {
    // BIP84 test vectors (bitcoin/bips bip-0084.mediawiki), account m/84'/0'/0' of the abandon mnemonic.
    static final String BIP84_ZPUB =
            "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
    // SLIP-132 / widely published m/49'/0'/0' of the abandon mnemonic.
    static final String BIP49_YPUB =
            "ypub6Ww3ibxVfGzLrAH1PNcjyAWenMTbbAosGNB6VvmSEgytSER9azLDWCxoJwW7Ke7icmizBMXrzBx9979FfaHxHcrArf3zbeJJJUZPf663zsP";
    // BIP49 test vectors (bitcoin/bips bip-0049.mediawiki), testnet account m/49'/1'/0'.
    static final String BIP49_UPUB =
            "upub5EFU65HtV5TeiSHmZZm7FUffBGy8UKeqp7vw43jYbvZPpoVsgU93oac7Wk3u6moKegAEWtGNF8DehrnHtv21XXEMYRUocHqguyjknFHYfgY";
    // m/44'/0'/0' of the abandon mnemonic.
    static final String BIP44_XPUB =
            "xpub6BosfCnifzxcFwrSzQiqu2DBVTshkCXacvNsWGYJVVhhawA7d4R5WSWGFNbi8Aw6ZRc1brxMyWMzG3DSSSSoekkudhUd9yLb6qx39T9nMdj";
    // BIP32 test vector 1 (bitcoin/bips bip-0032.mediawiki), seed 000102…0f.
    static final String BIP32_V1_SEED = "000102030405060708090a0b0c0d0e0f";
    static final String BIP32_V1_M_XPUB =
            "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8";
    static final String BIP32_V1_M_0H_XPUB =
            "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw";

    @Test
    void bip84NativeSegwitFromZpub() {
        DerivationScheme scheme = DerivationScheme.parse(BIP84_ZPUB, ChainNetwork.MAINNET);

        assertEquals(BitcoinScriptType.P2WPKH, scheme.scriptType());
        assertEquals("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", scheme.receiveAddress(0));
        assertEquals("bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g", scheme.receiveAddress(1));
        assertEquals(List.of("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g"),
                scheme.receiveAddresses(0, 2));
    }

    @Test
    void bip49NestedSegwitFromYpub() {
        DerivationScheme scheme = DerivationScheme.parse(BIP49_YPUB, ChainNetwork.MAINNET);

        assertEquals(BitcoinScriptType.P2SH_P2WPKH, scheme.scriptType());
        assertEquals("37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf", scheme.receiveAddress(0));
        assertEquals("3LtMnn87fqUeHBUG414p9CWwnoV6E2pNKS", scheme.receiveAddress(1));
    }

    @Test
    void bip49TestnetVectorIncludingScriptHash() {
        DerivationScheme scheme = DerivationScheme.parse(BIP49_UPUB, ChainNetwork.TESTNET);

        assertEquals("2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2", scheme.receiveAddress(0));
        // BIP49: addressBytes = HASH160(0x0014 <keyhash>) = 336caa13e08b96080a32b5d818d59b4ab3b36742
        assertEquals("a914336caa13e08b96080a32b5d818d59b4ab3b3674287",
                HexFormat.of().formatHex(scheme.receiveScriptPubKey(0)));
    }

    @Test
    void bip44LegacyFromXpub() {
        DerivationScheme scheme = DerivationScheme.parse(BIP44_XPUB + "-[legacy]", ChainNetwork.MAINNET);

        assertEquals(BitcoinScriptType.P2PKH, scheme.scriptType());
        assertEquals("1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA", scheme.receiveAddress(0));
    }

    @Test
    void publishedAccountKeysMatchTheMnemonic() {
        assertEquals(BIP44_XPUB, pub(account(44, 0), TestWallets.XPUB));
        assertEquals(BIP49_YPUB, pub(account(49, 0), TestWallets.YPUB));
        assertEquals(BIP84_ZPUB, pub(account(84, 0), TestWallets.ZPUB));
        assertEquals(BIP49_UPUB, pub(account(49, 1), TestWallets.UPUB));
    }

    @Test
    void bip32Vector1PublicDerivationMatchesPrivateDerivation() {
        DeterministicKey master = HDKeyDerivation.createMasterPrivateKey(ByteUtils.parseHex(BIP32_V1_SEED));
        DeterministicKey m0h = HDKeyDerivation.deriveChildKey(master, new ChildNumber(0, true));
        assertEquals(BIP32_V1_M_XPUB, master.serializePubB58(BitcoinNetwork.MAINNET));
        assertEquals(BIP32_V1_M_0H_XPUB, m0h.serializePubB58(BitcoinNetwork.MAINNET));

        for (BitcoinScriptType type : BitcoinScriptType.values()) {
            DerivationScheme scheme = DerivationScheme.parse(BIP32_V1_M_0H_XPUB + type.btcPaySuffix(), ChainNetwork.MAINNET);
            for (int i = 0; i < 5; i++) {
                assertEquals(referenceAddress(m0h, i, type, BitcoinNetwork.MAINNET), scheme.receiveAddress(i), type + " #" + i);
            }
        }
    }

    @Test
    void publishedTestnetAddressesOnEveryTestNetwork() {
        for (ChainNetwork network : List.of(ChainNetwork.TESTNET, ChainNetwork.SIGNET)) {
            assertEquals("tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl",
                    DerivationScheme.parse(pub(account(84, 1), TestWallets.VPUB), network).receiveAddress(0));
        }
        assertEquals("bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk",
                DerivationScheme.parse(pub(account(84, 1), TestWallets.VPUB), ChainNetwork.REGTEST).receiveAddress(0));
        for (ChainNetwork network : List.of(ChainNetwork.TESTNET, ChainNetwork.SIGNET, ChainNetwork.REGTEST)) {
            assertEquals("2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2",
                    DerivationScheme.parse(BIP49_UPUB, network).receiveAddress(0));
            assertEquals("mkpZhYtJu2r87Js3pDiWJDmPte2NRZ8bJV",
                    DerivationScheme.parse(pub(account(44, 1), TestWallets.TPUB) + "-[legacy]", network).receiveAddress(0));
        }
    }

    @ParameterizedTest
    @EnumSource(ChainNetwork.class)
    void everyScriptTypeMatchesPrivateDerivation(ChainNetwork network) {
        int coinType = network == ChainNetwork.MAINNET ? 0 : 1;
        BitcoinNetwork bitcoinNetwork = BitcoinNetworks.of(network);
        int standard = network == ChainNetwork.MAINNET ? TestWallets.XPUB : TestWallets.TPUB;
        for (BitcoinScriptType type : BitcoinScriptType.values()) {
            DeterministicKey account = account(purposeOf(type), coinType);
            DerivationScheme scheme = DerivationScheme.parse(pub(account, standard) + type.btcPaySuffix(), network);
            List<String> batch = scheme.receiveAddresses(0, 10);
            for (int i = 0; i < 10; i++) {
                String expected = referenceAddress(account, i, type, bitcoinNetwork);
                assertEquals(expected, scheme.receiveAddress(i), network + " " + type + " #" + i);
                assertEquals(expected, batch.get(i));
                Address address = TestWallets.referenceAddressOf(
                        HDKeyDerivation.deriveChildKey(HDKeyDerivation.deriveChildKey(account, 0), i), type, bitcoinNetwork);
                assertArrayEquals(ScriptBuilder.createOutputScript(address).program(), scheme.receiveScriptPubKey(i));
            }
        }
    }

    @Test
    void addressPrefixesFollowTheNetwork() {
        String vpub = pub(account(84, 1), TestWallets.VPUB);
        assertEquals("tb1q", DerivationScheme.parse(vpub, ChainNetwork.TESTNET).receiveAddress(3).substring(0, 4));
        assertEquals("tb1q", DerivationScheme.parse(vpub, ChainNetwork.SIGNET).receiveAddress(3).substring(0, 4));
        assertEquals("bcrt1q", DerivationScheme.parse(vpub, ChainNetwork.REGTEST).receiveAddress(3).substring(0, 6));
        String legacy = DerivationScheme.parse(pub(account(44, 1), TestWallets.TPUB) + "-[legacy]", ChainNetwork.REGTEST)
                .receiveAddress(7);
        assertEquals(true, legacy.startsWith("m") || legacy.startsWith("n"), legacy);
    }

    @Test
    void highestNonHardenedIndexIsDerivable() {
        DeterministicKey account = account(84, 0);
        DeterministicKey receiveChain = HDKeyDerivation.deriveChildKey(account, 0);
        DeterministicKey last = HDKeyDerivation.deriveChildKey(receiveChain, new ChildNumber(Integer.MAX_VALUE, false));
        String expected = TestWallets.referenceAddressOf(last, BitcoinScriptType.P2WPKH, BitcoinNetwork.MAINNET).toString();

        DerivationScheme scheme = DerivationScheme.parse(BIP84_ZPUB, ChainNetwork.MAINNET);
        assertEquals(expected, scheme.receiveAddress(Integer.MAX_VALUE));
        assertEquals(List.of(expected), scheme.receiveAddresses(Integer.MAX_VALUE, 1));
    }

    private static int purposeOf(BitcoinScriptType type) {
        return switch (type) {
            case P2PKH -> 44;
            case P2SH_P2WPKH -> 49;
            case P2WPKH -> 84;
        };
    }
}
