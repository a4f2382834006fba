package io.chaintill.sweep;

import java.util.List;

/** The refusals that protect the merchant's money before anything is signed; pure, so they are unit-tested. */
public final class SweepChecks {
    private SweepChecks() {
    }

    /**
     * Every address the server handed out must be the wallet's own address at the same index: otherwise the
     * secret is not this store's wallet (or the passphrase is wrong) and nothing could be signed anyway.
     */
    public static void sameWallet(WalletSecret wallet, List<HandedOutAddress> handedOut) {
        for (HandedOutAddress a : handedOut) {
            if (a.index() < 0 || a.address() == null) {
                throw new SweepException("the server listed an address without index or address: is --server up to date?");
            }
            String derived = wallet.address(a.index());
            if (!EthereumAddress.same(derived, a.address())) {
                throw new SweepException("wrong wallet: m/44'/60'/0'/0/" + a.index() + " of the given secret is " + derived
                        + " but the store handed out " + a.address() + " at that index. Is this the wallet whose xpub"
                        + " the store uses (and the right BIP39 passphrase)? Nothing was sent.");
            }
        }
    }

    /** The destination must not be one of the addresses being swept, nor the gas account. */
    public static void destination(String to, List<HandedOutAddress> handedOut, String gasAccount) {
        for (HandedOutAddress a : handedOut) {
            if (EthereumAddress.same(to, a.address())) {
                throw new SweepException("--to: " + to + " is the store's own deposit address (index " + a.index()
                        + "); sweep to an address outside the store's receive chain, e.g. your wallet's savings account");
            }
        }
        if (gasAccount != null && EthereumAddress.same(to, gasAccount)) {
            throw new SweepException("--to: " + to + " is the gas account (--gas-from-index); choose another destination");
        }
    }

    /** The gas account must not be one of the deposit addresses: its ether pays for the sweep, its tokens would be left. */
    public static void gasAccount(int gasIndex, List<HandedOutAddress> handedOut) {
        for (HandedOutAddress a : handedOut) {
            if (a.index() == gasIndex) {
                throw new SweepException("--gas-from-index: index " + gasIndex + " is a deposit address the store handed out"
                        + " (invoice " + a.invoiceId() + "); fund and name an index far beyond the ones the store hands out,"
                        + " e.g. 1000000");
            }
        }
    }
}
