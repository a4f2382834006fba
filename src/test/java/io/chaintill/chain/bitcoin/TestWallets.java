package io.chaintill.chain.bitcoin;

import java.util.Arrays;
import java.util.List;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;
import org.bitcoinj.script.ScriptBuilder;

/**
 * Independent reference derivations for tests: private-key derivation with bitcoinj from the BIP39 test mnemonic,
 * never through the code under test.
 */
final class TestWallets {
    static final String ABANDON_MNEMONIC =
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    // SLIP-132 version bytes, written out again here so the tests do not trust production constants.
    static final int XPUB = 0x0488B21E, YPUB = 0x049D7CB2, ZPUB = 0x04B24746;
    static final int TPUB = 0x043587CF, UPUB = 0x044A5262, VPUB = 0x045F1CF6;
    static final int XPRV = 0x0488ADE4, YPRV = 0x049D7878, ZPRV = 0x04B2430C;
    static final int TPRV = 0x04358394, UPRV = 0x044A4E28, VPRV = 0x045F18BC;

    private static final DeterministicKey MASTER = HDKeyDerivation.createMasterPrivateKey(
            MnemonicCode.toSeed(List.of(ABANDON_MNEMONIC.split(" ")), ""));

    private TestWallets() {
    }

    /** m/purpose'/coinType'/0' of the abandon mnemonic, with private key. */
    static DeterministicKey account(int purpose, int coinType) {
        DeterministicKey key = MASTER;
        for (int hardened : new int[] {purpose, coinType, 0}) {
            key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(hardened, true));
        }
        return key;
    }

    /** The account key written with any 4-byte version (xpub/ypub/…/vprv), as SLIP-132 wallets export it. */
    static String serialize(DeterministicKey key, int version, boolean includePrivate) {
        String standard = includePrivate
                ? key.serializePrivB58(BitcoinNetwork.MAINNET)
                : key.serializePubB58(BitcoinNetwork.MAINNET);
        byte[] payload = Base58.decodeChecked(standard);
        payload[0] = (byte) (version >>> 24);
        payload[1] = (byte) (version >>> 16);
        payload[2] = (byte) (version >>> 8);
        payload[3] = (byte) version;
        byte[] withChecksum = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(Sha256Hash.hashTwice(payload), 0, withChecksum, payload.length, 4);
        return Base58.encode(withChecksum);
    }

    static String pub(DeterministicKey key, int version) {
        return serialize(key, version, false);
    }

    /** Address of account/0/index derived from the private key, with bitcoinj's own script builders. */
    static String referenceAddress(DeterministicKey account, int index, BitcoinScriptType type, BitcoinNetwork network) {
        DeterministicKey child = HDKeyDerivation.deriveChildKey(HDKeyDerivation.deriveChildKey(account, 0), index);
        return referenceAddressOf(child, type, network).toString();
    }

    static Address referenceAddressOf(DeterministicKey child, BitcoinScriptType type, BitcoinNetwork network) {
        return switch (type) {
            case P2PKH -> child.toAddress(ScriptType.P2PKH, network);
            case P2WPKH -> child.toAddress(ScriptType.P2WPKH, network);
            case P2SH_P2WPKH -> ScriptBuilder.createP2SHOutputScript(ScriptBuilder.createP2WPKHOutputScript(child))
                    .getToAddress(network);
        };
    }
}
