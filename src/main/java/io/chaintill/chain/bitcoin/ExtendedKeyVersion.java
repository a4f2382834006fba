package io.chaintill.chain.bitcoin;

import java.util.Optional;

/**
 * The four version bytes that open a serialized BIP32 extended key (BIP32 and SLIP-132).
 * They say whether the key is public or private, which network family it belongs to and,
 * for SLIP-132 prefixes, which script type the wallet uses.
 */
enum ExtendedKeyVersion {
    XPUB(0x0488B21E, false, false, null),
    YPUB(0x049D7CB2, false, false, BitcoinScriptType.P2SH_P2WPKH),
    ZPUB(0x04B24746, false, false, BitcoinScriptType.P2WPKH),
    TPUB(0x043587CF, false, true, null),
    UPUB(0x044A5262, false, true, BitcoinScriptType.P2SH_P2WPKH),
    VPUB(0x045F1CF6, false, true, BitcoinScriptType.P2WPKH),
    // Multisig account keys (Ypub, Zpub, Upub, Vpub): recognised only to give a clear refusal.
    MULTISIG_YPUB(0x0295B43F, false, false, null),
    MULTISIG_ZPUB(0x02AA7ED3, false, false, null),
    MULTISIG_UPUB(0x024289EF, false, true, null),
    MULTISIG_VPUB(0x02575483, false, true, null),
    // Private counterparts: recognised only so they can be refused as secrets.
    XPRV(0x0488ADE4, true, false, null),
    YPRV(0x049D7878, true, false, null),
    ZPRV(0x04B2430C, true, false, null),
    TPRV(0x04358394, true, true, null),
    UPRV(0x044A4E28, true, true, null),
    VPRV(0x045F18BC, true, true, null),
    MULTISIG_YPRV(0x0295B005, true, false, null),
    MULTISIG_ZPRV(0x02AA7A99, true, false, null),
    MULTISIG_UPRV(0x024285B5, true, true, null),
    MULTISIG_VPRV(0x02575048, true, true, null);

    private final int bytes;
    private final boolean isPrivate;
    private final boolean testLike;
    private final BitcoinScriptType impliedScriptType;

    ExtendedKeyVersion(int bytes, boolean isPrivate, boolean testLike, BitcoinScriptType impliedScriptType) {
        this.bytes = bytes;
        this.isPrivate = isPrivate;
        this.testLike = testLike;
        this.impliedScriptType = impliedScriptType;
    }

    static Optional<ExtendedKeyVersion> of(int versionBytes) {
        for (ExtendedKeyVersion version : values()) {
            if (version.bytes == versionBytes) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** The plain BIP32 public version (xpub or tpub) of the same network family. */
    static ExtendedKeyVersion standardPublic(boolean testLike) {
        return testLike ? TPUB : XPUB;
    }

    int bytes() {
        return bytes;
    }

    boolean isPrivate() {
        return isPrivate;
    }

    boolean isMultisig() {
        return name().startsWith("MULTISIG_");
    }

    boolean isTestLike() {
        return testLike;
    }

    /** The script type a SLIP-132 prefix fixes, or empty for xpub/tpub, whose type comes from the suffix. */
    Optional<BitcoinScriptType> impliedScriptType() {
        return Optional.ofNullable(impliedScriptType);
    }
}
