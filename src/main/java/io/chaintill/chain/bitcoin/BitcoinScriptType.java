package io.chaintill.chain.bitcoin;

/**
 * Output script a store's receive addresses use, as BTCPay names them in derivation schemes.
 *
 * <p>P2TR (taproot) is deliberately absent: bitcoinj 0.17.1 has no BIP341 key tweak, and its
 * {@code ECKey.toAddress(ScriptType.P2TR, ...)} throws, so it cannot derive taproot addresses from an xpub.
 */
public enum BitcoinScriptType {
    /** Legacy pay-to-public-key-hash, 1… / m… / n… addresses; BTCPay suffix {@code -[legacy]}. */
    P2PKH("-[legacy]"),
    /** Segwit v0 nested in P2SH, 3… / 2… addresses; BTCPay suffix {@code -[p2sh]}. */
    P2SH_P2WPKH("-[p2sh]"),
    /** Native segwit v0, bc1q… / tb1q… / bcrt1q… addresses; BTCPay's default, no suffix. */
    P2WPKH("");

    private final String btcPaySuffix;

    BitcoinScriptType(String btcPaySuffix) {
        this.btcPaySuffix = btcPaySuffix;
    }

    /** The suffix BTCPay appends to an xpub/tpub to select this script type ("" for the default). */
    public String btcPaySuffix() {
        return btcPaySuffix;
    }
}
