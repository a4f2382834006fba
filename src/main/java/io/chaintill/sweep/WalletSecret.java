package io.chaintill.sweep;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;

/**
 * The merchant's wallet, held only in this process: the receive chain m/44'/60'/0'/0 derived from a BIP39
 * mnemonic (with an optional passphrase) or from an account xprv at m/44'/60'/0' (a master xprv is accepted
 * too). Nothing here prints or returns the secret; {@link #toString()} is redacted.
 */
public final class WalletSecret {
    private static final Pattern EXTENDED_PRIVATE = Pattern.compile("xprv[1-9A-HJ-NP-Za-km-z]{100,112}");
    private static final int ACCOUNT_DEPTH = 3;

    /** m/44'/60'/0'/0: the external chain whose child i is deposit address i. */
    private final DeterministicKey receiveChain;

    private WalletSecret(DeterministicKey receiveChain) {
        this.receiveChain = receiveChain;
    }

    /** Parses the secret text (a mnemonic or an xprv); {@code passphrase} is the BIP39 passphrase ("" if none). */
    public static WalletSecret parse(String secret, String passphrase) {
        String text = secret == null ? "" : secret.strip();
        if (text.isEmpty()) {
            throw new SweepException("no wallet secret: give the mnemonic or account xprv on stdin or with --secret-file");
        }
        if (EXTENDED_PRIVATE.matcher(text).matches()) {
            if (passphrase != null && !passphrase.isEmpty()) {
                throw new SweepException("--passphrase-file applies to a mnemonic only, not to an xprv");
            }
            return fromExtendedKey(text);
        }
        if (text.startsWith("xpub") || text.startsWith("tpub")) {
            throw new SweepException("the secret is an extended PUBLIC key: the sweep needs the private side"
                    + " (the mnemonic or the account xprv) to sign");
        }
        String mnemonic = String.join(" ", text.toLowerCase(Locale.ROOT).split("\\s+"));
        int words = mnemonic.split(" ").length;
        if (words < 12 || words > 24 || words % 3 != 0) {
            throw new SweepException("the secret is neither an xprv nor a BIP39 mnemonic of 12, 15, 18, 21 or 24 words"
                    + " (it has " + words + " word" + (words == 1 ? "" : "s") + ")");
        }
        if (!MnemonicUtils.validateMnemonic(mnemonic)) {
            throw new SweepException("the secret is not a valid BIP39 mnemonic: a word is not in the English list"
                    + " or the checksum does not match (a typo or a word missing?)");
        }
        byte[] seed = MnemonicUtils.generateSeed(mnemonic, passphrase == null ? "" : passphrase);
        try {
            DeterministicKey master = HDKeyDerivation.createMasterPrivateKey(seed);
            return new WalletSecret(child(account(master), 0, false));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static WalletSecret fromExtendedKey(String xprv) {
        DeterministicKey key;
        try {
            key = DeterministicKey.deserializeB58(xprv, BitcoinNetwork.MAINNET);
        } catch (RuntimeException e) {
            // the exception text may quote the key: say what is wrong without it
            throw new SweepException("the secret looks like an xprv but does not decode (wrong checksum or length)");
        }
        if (!key.hasPrivKey()) {
            throw new SweepException("the secret decodes to a key without its private part");
        }
        if (key.getDepth() == 0) {
            return new WalletSecret(child(account(key), 0, false));
        }
        if (key.getDepth() != ACCOUNT_DEPTH) {
            throw new SweepException("the xprv is at depth " + key.getDepth() + "; give the account key at"
                    + " m/44'/60'/0' (depth 3), the master xprv, or the mnemonic");
        }
        return new WalletSecret(child(key, 0, false));
    }

    private static DeterministicKey account(DeterministicKey master) {
        return child(child(child(master, 44, true), 60, true), 0, true);
    }

    private static DeterministicKey child(DeterministicKey parent, int index, boolean hardened) {
        return HDKeyDerivation.deriveChildKey(parent, new ChildNumber(index, hardened));
    }

    /** The signing key of deposit address m/44'/60'/0'/0/index. */
    public Credentials credentials(int index) {
        if (index < 0) {
            throw new SweepException("derivation index " + index + " is negative");
        }
        DeterministicKey key = child(receiveChain, index, false);
        return Credentials.create(ECKeyPair.create(key.getPrivKey()));
    }

    /** The EIP-55 address of m/44'/60'/0'/0/index. */
    public String address(int index) {
        return Keys.toChecksumAddress(credentials(index).getAddress());
    }

    @Override
    public String toString() {
        return "WalletSecret[redacted]";
    }
}
