package io.chaintill.chain.bitcoin;

import static io.chaintill.chain.bitcoin.DerivationSchemeVectorsTest.BIP44_XPUB;
import static io.chaintill.chain.bitcoin.DerivationSchemeVectorsTest.BIP49_YPUB;
import static io.chaintill.chain.bitcoin.DerivationSchemeVectorsTest.BIP84_ZPUB;
import static io.chaintill.chain.bitcoin.TestWallets.account;
import static io.chaintill.chain.bitcoin.TestWallets.pub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.domain.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Different notations of one account are one account: same id, same canonical form, same addresses. */
class DerivationSchemeEquivalenceTest {
    private static final String BIP49_AS_XPUB = pub(account(49, 0), TestWallets.XPUB);

    @Test
    void ypubAndXpubWithP2shSuffixAreTheSameAccount() {
        DerivationScheme ypub = DerivationScheme.parse(BIP49_YPUB, ChainNetwork.MAINNET);
        DerivationScheme xpub = DerivationScheme.parse(BIP49_AS_XPUB + "-[p2sh]", ChainNetwork.MAINNET);

        assertEquals(ypub.accountKeyId(), xpub.accountKeyId());
        assertEquals(ypub.canonical(), xpub.canonical());
        assertEquals(BIP49_AS_XPUB + "-[p2sh]", ypub.canonical());
        assertEquals(ypub.receiveAddresses(0, 20), xpub.receiveAddresses(0, 20));
        assertEquals(ypub, xpub);
        assertEquals(ypub.hashCode(), xpub.hashCode());
    }

    @Test
    void zpubAndPlainXpubAreTheSameAccount() {
        DerivationScheme zpub = DerivationScheme.parse(BIP84_ZPUB, ChainNetwork.MAINNET);
        String xpub = pub(account(84, 0), TestWallets.XPUB);
        DerivationScheme plain = DerivationScheme.parse(xpub, ChainNetwork.MAINNET);

        assertEquals(xpub, zpub.canonical());
        assertEquals(zpub.accountKeyId(), plain.accountKeyId());
        assertEquals(zpub.receiveAddresses(0, 5), plain.receiveAddresses(0, 5));
    }

    @Test
    void upubVpubAndTpubNotationsAgreeOnTestNetworks() {
        String tpub49 = pub(account(49, 1), TestWallets.TPUB);
        DerivationScheme upub = DerivationScheme.parse(pub(account(49, 1), TestWallets.UPUB), ChainNetwork.REGTEST);
        DerivationScheme p2sh = DerivationScheme.parse(tpub49 + "-[p2sh]", ChainNetwork.REGTEST);
        assertEquals(upub.accountKeyId(), p2sh.accountKeyId());
        assertEquals(tpub49 + "-[p2sh]", upub.canonical());

        String tpub84 = pub(account(84, 1), TestWallets.TPUB);
        DerivationScheme vpub = DerivationScheme.parse(pub(account(84, 1), TestWallets.VPUB), ChainNetwork.SIGNET);
        assertEquals(tpub84, vpub.canonical());
        assertEquals(vpub.accountKeyId(), DerivationScheme.parse(tpub84, ChainNetwork.SIGNET).accountKeyId());
    }

    @Test
    void sameKeyWithAnotherScriptTypeIsAnotherAccount() {
        DerivationScheme segwit = DerivationScheme.parse(BIP44_XPUB, ChainNetwork.MAINNET);
        DerivationScheme legacy = DerivationScheme.parse(BIP44_XPUB + "-[legacy]", ChainNetwork.MAINNET);
        DerivationScheme nested = DerivationScheme.parse(BIP44_XPUB + "-[p2sh]", ChainNetwork.MAINNET);

        assertNotEquals(segwit.accountKeyId(), legacy.accountKeyId());
        assertNotEquals(segwit.accountKeyId(), nested.accountKeyId());
        assertNotEquals(legacy.accountKeyId(), nested.accountKeyId());
        assertNotEquals(segwit, legacy);
    }

    @Test
    void accountKeyIdIsStableHexAndIgnoresKeyMetadata() {
        DerivationScheme scheme = DerivationScheme.parse(BIP84_ZPUB, ChainNetwork.MAINNET);
        assertTrue(scheme.accountKeyId().matches("[0-9a-f]{64}"), scheme.accountKeyId());
        assertEquals(scheme.accountKeyId(), DerivationScheme.parse(BIP84_ZPUB, ChainNetwork.MAINNET).accountKeyId());

        // Some wallets export the account key with depth/fingerprint zeroed: same addresses, so same counter.
        String stripped = pub(account(84, 0).dropParent(), TestWallets.ZPUB);
        assertNotEquals(BIP84_ZPUB, stripped);
        DerivationScheme metadataless = DerivationScheme.parse(stripped, ChainNetwork.MAINNET);
        assertEquals(scheme.accountKeyId(), metadataless.accountKeyId());
        assertEquals(scheme.receiveAddress(0), metadataless.receiveAddress(0));
    }

    @Test
    void canonicalFormParsesBackToTheSameScheme() {
        for (String input : List.of(BIP49_YPUB, BIP84_ZPUB, BIP44_XPUB + "-[legacy]", BIP49_AS_XPUB + "-[P2SH]")) {
            DerivationScheme scheme = DerivationScheme.parse(input, ChainNetwork.MAINNET);
            DerivationScheme again = DerivationScheme.parse(scheme.canonical(), ChainNetwork.MAINNET);
            assertEquals(scheme.canonical(), again.canonical());
            assertEquals(scheme.scriptType(), again.scriptType());
            assertEquals(scheme.receiveAddress(9), again.receiveAddress(9));
        }
    }

    @Test
    void surroundingWhitespaceAndRedundantSuffixAreAccepted() {
        DerivationScheme padded = DerivationScheme.parse("  \t" + BIP49_YPUB + "\r\n", ChainNetwork.MAINNET);
        DerivationScheme redundant = DerivationScheme.parse(BIP49_YPUB + "-[p2sh]", ChainNetwork.MAINNET);
        assertEquals("37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf", padded.receiveAddress(0));
        assertEquals(padded, redundant);
        assertEquals(ChainNetwork.MAINNET, padded.network());
    }

    @Test
    void toStringNeverShowsTheKey() {
        DerivationScheme scheme = DerivationScheme.parse(BIP49_YPUB, ChainNetwork.MAINNET);
        String text = scheme.toString();
        assertFalse(text.contains(BIP49_YPUB.substring(4, 20)), text);
        assertFalse(text.contains(scheme.canonical().substring(4, 20)), text);
        assertTrue(text.contains(scheme.accountKeyId()), text);
    }

    @Test
    void indexAndCountAreValidated() {
        DerivationScheme scheme = DerivationScheme.parse(BIP84_ZPUB, ChainNetwork.MAINNET);
        assertEquals("index", assertThrows(InvalidInputException.class, () -> scheme.receiveAddress(-1)).field());
        assertEquals("index", assertThrows(InvalidInputException.class, () -> scheme.receiveScriptPubKey(-1)).field());
        assertEquals("index", assertThrows(InvalidInputException.class, () -> scheme.receiveAddresses(-5, 2)).field());
        assertEquals("count", assertThrows(InvalidInputException.class, () -> scheme.receiveAddresses(0, -1)).field());
        assertEquals("count", assertThrows(InvalidInputException.class,
                () -> scheme.receiveAddresses(Integer.MAX_VALUE, 2)).field());
        assertEquals(List.of(), scheme.receiveAddresses(10, 0));
        assertEquals(List.of(scheme.receiveAddress(5), scheme.receiveAddress(6)), scheme.receiveAddresses(5, 2));
    }
}
