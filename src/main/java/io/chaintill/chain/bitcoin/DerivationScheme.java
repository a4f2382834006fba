package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ExtendedKeyBytes;
import io.chaintill.chain.SecretMaterialGuard;
import io.chaintill.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.HDKeyDerivation.PublicDeriveMode;

/**
 * A store's on-chain wallet as BTCPay writes it: an account-level extended public key, optionally followed by a
 * script-type suffix ({@code xpub…}, {@code xpub…-[p2sh]}, {@code xpub…-[legacy]}, or SLIP-132 {@code ypub…}/{@code zpub…}).
 * Receive addresses are the non-hardened children m/…/0/i of that key.
 *
 * <p>Immutable and safe to share between threads. Only public key material is ever held, and neither messages
 * nor {@link #toString()} repeat the input.
 */
public final class DerivationScheme {
    static final String FIELD = "derivationScheme";
    static final String SECRET_MESSAGE = "This looks like private key material (a private key or seed words). "
            + "ChainTill only needs the extended PUBLIC key (xpub, ypub, zpub, tpub, upub or vpub) of the account; "
            + "never paste private keys or seed words here.";
    private static final String EXPECTED_FORMAT = "expected an extended public key (xpub, ypub, zpub, tpub, upub or vpub), "
            + "optionally followed by -[p2sh] or -[legacy]";

    private static final Pattern KEY_WITH_OPTIONAL_SUFFIX =
            Pattern.compile("([1-9A-HJ-NP-Za-km-z]+)(?:-\\[([A-Za-z0-9]+)])?");
    /** A key (at most 112 characters) and a suffix, with room to spare; longer input is not parsed at all. */
    static final int MAX_INPUT_LENGTH = 200;
    private static final String ACCOUNT_ID_TAG = "chaintill/bitcoin-account/v1";

    private final ChainNetwork network;
    private final BitcoinNetwork bitcoinNetwork;
    private final BitcoinScriptType scriptType;
    private final String canonical;
    private final String accountKeyId;
    /** m/0, derived once: each receive address then costs a single public child derivation. */
    private final DeterministicKey receiveChain;
    /** m/1, derived when a payout batch first needs change. */
    private volatile DeterministicKey changeChain;

    private DerivationScheme(ChainNetwork network, BitcoinScriptType scriptType, ExtendedKeyBytes standardKey,
                             DeterministicKey receiveChain) {
        this.network = network;
        this.bitcoinNetwork = BitcoinNetworks.of(network);
        this.scriptType = scriptType;
        this.canonical = standardKey.toBase58() + scriptType.btcPaySuffix();
        this.accountKeyId = accountKeyId(scriptType, standardKey);
        this.receiveChain = receiveChain;
    }

    public static DerivationScheme parse(String input, ChainNetwork network) {
        Objects.requireNonNull(network, "network");
        if (input == null || input.isBlank()) {
            throw invalid("a derivation scheme is required: " + EXPECTED_FORMAT);
        }
        String trimmed = input.strip();
        // Checked first and on the raw text: a secret must be refused as a secret even when it is malformed.
        if (SecretMaterialGuard.looksSecret(trimmed)) {
            throw invalid(SECRET_MESSAGE);
        }
        if (trimmed.contains("-of-")) {
            throw invalid("multisig derivation schemes are not supported; use a single-signature account key");
        }
        if (trimmed.length() > MAX_INPUT_LENGTH) {
            throw invalid("too long (at most " + MAX_INPUT_LENGTH + " characters): " + EXPECTED_FORMAT);
        }
        Matcher parts = KEY_WITH_OPTIONAL_SUFFIX.matcher(trimmed);
        if (!parts.matches()) {
            throw invalid("not a valid derivation scheme: " + EXPECTED_FORMAT);
        }
        ExtendedKeyBytes key = ExtendedKeyBytes.decode(parts.group(1), FIELD, EXPECTED_FORMAT);
        ExtendedKeyVersion version = ExtendedKeyVersion.of(key.version())
                .orElseThrow(() -> invalid("not a recognised extended key: " + EXPECTED_FORMAT));
        if (version.isPrivate()) {
            throw invalid(SECRET_MESSAGE);
        }
        if (version.isMultisig()) {
            throw invalid("multisig extended keys (Ypub, Zpub, Upub, Vpub) are not supported; use a single-signature account key");
        }
        requireSameNetworkFamily(version, network);
        BitcoinScriptType scriptType = resolveScriptType(version, Optional.ofNullable(parts.group(2)));

        ExtendedKeyBytes standardKey = key.withVersion(ExtendedKeyVersion.standardPublic(version.isTestLike()).bytes());
        return new DerivationScheme(network, scriptType, standardKey,
                standardKey.receiveChain(BitcoinNetworks.of(network), FIELD, EXPECTED_FORMAT));
    }

    public BitcoinScriptType scriptType() {
        return scriptType;
    }

    public ChainNetwork network() {
        return network;
    }

    /**
     * BTCPay-style normal form: the key re-encoded with the plain xpub/tpub version plus the script-type suffix, so
     * {@code ypub…} and the same key as {@code xpub…-[p2sh]} store identically.
     */
    public String canonical() {
        return canonical;
    }

    /**
     * Hex SHA-256 of the public key, chain code and script type: the identity of the address sequence. Depth,
     * parent fingerprint and prefix are left out on purpose; they do not change the addresses, and two stores
     * pasting the same account in different notations must share one address counter.
     */
    public String accountKeyId() {
        return accountKeyId;
    }

    public String receiveAddress(int index) {
        requireIndex(index);
        return ReceiveOutput.address(scriptType, receivePublicKey(index), bitcoinNetwork);
    }

    public List<String> receiveAddresses(int from, int count) {
        requireIndex(from);
        if (count < 0 || (long) from + count - 1 > Integer.MAX_VALUE) {
            throw new InvalidInputException("count", "must be zero or more and stay within index 2147483647");
        }
        List<String> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(ReceiveOutput.address(scriptType, receivePublicKey(from + i), bitcoinNetwork));
        }
        return List.copyOf(addresses);
    }

    /** The output script paying the receive address at {@code index}; the chain scanner matches outputs by it. */
    public byte[] receiveScriptPubKey(int index) {
        requireIndex(index);
        return ReceiveOutput.scriptPubKey(scriptType, receivePublicKey(index));
    }

    /** The change address at {@code index} (chain m/…/1): where payout batches send what is left. */
    public String changeAddress(int index) {
        requireIndex(index);
        return ReceiveOutput.address(scriptType, publicKey(true, index), bitcoinNetwork);
    }

    /** The output script of the receive ({@code change} false) or change address at {@code index}. */
    public byte[] scriptPubKey(boolean change, int index) {
        requireIndex(index);
        return ReceiveOutput.scriptPubKey(scriptType, publicKey(change, index));
    }

    /** The P2SH redeem script of nested segwit ({@code 0 <key hash>}); empty for other script types. */
    public byte[] redeemScript(boolean change, int index) {
        return scriptType == BitcoinScriptType.P2SH_P2WPKH
                ? ReceiveOutput.scriptPubKey(BitcoinScriptType.P2WPKH, publicKey(change, index)) : new byte[0];
    }

    /** The compressed public key m/…/(change ? 1 : 0)/index; public, so no secret leaves with it. */
    public byte[] publicKey(boolean change, int index) {
        requireIndex(index);
        DeterministicKey chain = change ? changeChain() : receiveChain;
        return HDKeyDerivation.deriveChildKeyBytesFromPublic(
                chain, new ChildNumber(index, false), PublicDeriveMode.NORMAL).keyBytes;
    }

    /** The account key's own fingerprint: the key origin signers match when no master fingerprint is known. */
    public byte[] accountFingerprint() {
        return Arrays.copyOf(Hash160.of(receiveChain.getParent().getPubKey()), 4);
    }

    private DeterministicKey changeChain() {
        DeterministicKey change = changeChain;
        if (change == null) {
            change = HDKeyDerivation.deriveChildKey(receiveChain.getParent(), ChildNumber.ONE);
            changeChain = change;
        }
        return change;
    }

    /** Same network and same address sequence; notation (ypub vs xpub-[p2sh]) does not matter. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DerivationScheme that
                && network == that.network
                && accountKeyId.equals(that.accountKeyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(network, accountKeyId);
    }

    /** Deliberately without the key: an xpub reveals every address of the wallet, so it stays out of logs. */
    @Override
    public String toString() {
        return "DerivationScheme[network=" + network.id() + ", scriptType=" + scriptType
                + ", accountKeyId=" + accountKeyId + "]";
    }

    private byte[] receivePublicKey(int index) {
        return publicKey(false, index);
    }

    private static void requireSameNetworkFamily(ExtendedKeyVersion version, ChainNetwork network) {
        if (version.isTestLike() != network.isTestLike()) {
            String keyFamily = version.isTestLike() ? "testnet/signet/regtest" : "mainnet";
            throw invalid("this is a " + keyFamily + " key but the server runs on " + network.id());
        }
    }

    private static BitcoinScriptType resolveScriptType(ExtendedKeyVersion version, Optional<String> suffix) {
        Optional<BitcoinScriptType> fromSuffix = suffix.map(DerivationScheme::scriptTypeOfSuffix);
        Optional<BitcoinScriptType> implied = version.impliedScriptType();
        if (implied.isPresent() && fromSuffix.isPresent() && implied.get() != fromSuffix.get()) {
            throw invalid("the suffix asks for " + fromSuffix.get() + " but the key's SLIP-132 prefix means "
                    + implied.get() + "; paste the key as xpub/tpub with the suffix you want, or drop the suffix");
        }
        return implied.or(() -> fromSuffix).orElse(BitcoinScriptType.P2WPKH);
    }

    private static BitcoinScriptType scriptTypeOfSuffix(String suffix) {
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "p2sh" -> BitcoinScriptType.P2SH_P2WPKH;
            case "legacy" -> BitcoinScriptType.P2PKH;
            case "taproot" -> throw invalid("taproot derivation schemes are not supported yet; "
                    + "use native segwit (no suffix), -[p2sh] or -[legacy]");
            default -> throw invalid("unsupported derivation scheme option; use no suffix (native segwit), -[p2sh] or -[legacy]");
        };
    }

    private static String accountKeyId(BitcoinScriptType scriptType, ExtendedKeyBytes key) {
        byte[] tag = (ACCOUNT_ID_TAG + "/" + scriptType.name() + "/").getBytes(StandardCharsets.US_ASCII);
        byte[] keyMaterial = key.chainCodeAndKey();
        byte[] input = Arrays.copyOf(tag, tag.length + keyMaterial.length);
        System.arraycopy(keyMaterial, 0, input, tag.length, keyMaterial.length);
        return HexFormat.of().formatHex(Hash160.sha256(input));
    }

    private static void requireIndex(int index) {
        if (index < 0) {
            throw new InvalidInputException("index", "must be between 0 and 2147483647");
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(FIELD, message);
    }
}
