package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import org.bitcoinj.base.BitcoinNetwork;

/** Maps the server's network to bitcoinj's, which carries the address prefixes (bc1, tb1, bcrt1, …). */
public final class BitcoinNetworks {
    private BitcoinNetworks() {
    }

    public static BitcoinNetwork of(ChainNetwork network) {
        return switch (network) {
            case MAINNET -> BitcoinNetwork.MAINNET;
            case TESTNET -> BitcoinNetwork.TESTNET;
            case SIGNET -> BitcoinNetwork.SIGNET;
            case REGTEST -> BitcoinNetwork.REGTEST;
        };
    }
}
