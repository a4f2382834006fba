package io.chaintill.chain;

import java.util.Locale;

/** The network a chain node runs on. One per server, from {@code chaintill.network}. */
public enum ChainNetwork {
    MAINNET, TESTNET, SIGNET, REGTEST;

    public static ChainNetwork parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("chaintill.network must be one of mainnet, testnet, signet, regtest");
        }
    }

    /** Test networks share key and address prefixes (tpub, tb1/bcrt1 aside). */
    public boolean isTestLike() {
        return this != MAINNET;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
