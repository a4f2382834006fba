package io.chaintill.chain;

import java.math.BigInteger;

/**
 * One output of a transaction: its index, the locking script (hex; what watched destinations are matched on) and the
 * value in base units.
 */
public record ChainOutput(int index, String scriptHex, BigInteger value) {
}
