package io.chaintill.support;

import java.security.SecureRandom;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;

/** Account keys of fresh random wallets: a test class's addresses are its own on the shared regtest chain. */
public final class RandomAccountKey {
    private RandomAccountKey() {
    }

    /** A plain tpub (native segwit) of m/84'/1'/0' of a new random seed. */
    public static String tpub() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        DeterministicKey key = HDKeyDerivation.createMasterPrivateKey(seed);
        for (int hardened : new int[] {84, 1, 0}) {
            key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(hardened, true));
        }
        return key.serializePubB58(BitcoinNetwork.TESTNET);
    }
}
