package io.chaintill.fuzz;

import io.chaintill.chain.ethereum.EthereumTestWallets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * The fuzz class's own wallet (a fresh mnemonic from the seed, so no other test class shares its addresses):
 * the public keys the store is configured with, and every private form of key material a merchant could paste
 * by mistake, which the server must refuse and never echo or log.
 */
final class FuzzKeys {
    private static final int H = Bip32ECKeyPair.HARDENED_BIT;
    final String mnemonic12;
    final String mnemonic24;
    /** m/84'/1'/0' as a vpub: the store's BTC-CHAIN key on regtest. */
    final String vpub;
    /** m/44'/60'/0' as an xpub: the store's ETH-CHAIN key. */
    final String ethXpub;
    final List<String> privateKeys;

    FuzzKeys(Random random) {
        byte[] e16 = new byte[16];
        byte[] e32 = new byte[32];
        random.nextBytes(e16);
        random.nextBytes(e32);
        mnemonic12 = MnemonicUtils.generateMnemonic(e16);
        mnemonic24 = MnemonicUtils.generateMnemonic(e32);
        DeterministicKey master = HDKeyDerivation.createMasterPrivateKey(
                MnemonicCode.toSeed(List.of(mnemonic12.split(" ")), ""));
        DeterministicKey account = child(child(child(master, 84), 1), 0);
        vpub = account.serializePubB58(BitcoinNetwork.TESTNET, ScriptType.P2WPKH);
        ethXpub = EthereumTestWallets.accountXpub(mnemonic12);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        raw[0] = (byte) (raw[0] & 0x7f);
        ECKey single = ECKey.fromPrivate(raw);
        String hex = HexFormat.of().formatHex(single.getPrivKeyBytes());
        privateKeys = List.of(
                master.serializePrivB58(BitcoinNetwork.MAINNET),
                account.serializePrivB58(BitcoinNetwork.TESTNET),
                account.serializePrivB58(BitcoinNetwork.TESTNET, ScriptType.P2WPKH),
                EthereumTestWallets.accountXprv(mnemonic12),
                mnemonic12, mnemonic24,
                hex, "0x" + hex,
                single.getPrivateKeyAsWiF(BitcoinNetwork.MAINNET),
                single.getPrivateKeyAsWiF(BitcoinNetwork.TESTNET),
                ECKey.fromPrivate(raw, false).getPrivateKeyAsWiF(BitcoinNetwork.MAINNET));
    }

    /** A private key, sometimes wrapped as it is pasted (descriptor, BTCPay suffix, spaces, new lines). */
    Pasted pick(Random random) {
        String key = privateKeys.get(random.nextInt(privateKeys.size()));
        String text = switch (random.nextInt(6)) {
            case 0 -> "wpkh(" + key + "/0/*)";
            case 1 -> key + "-[p2sh]";
            case 2 -> "  " + key + "\n";
            case 3 -> "\t" + key + "\t";
            default -> key;
        };
        return new Pasted(text, key);
    }

    private static DeterministicKey child(DeterministicKey parent, int hardened) {
        return HDKeyDerivation.deriveChildKey(parent, new ChildNumber(hardened, true));
    }

    /** The text sent and the key inside it, which the answer must not contain. */
    record Pasted(String text, String key) {
    }
}
