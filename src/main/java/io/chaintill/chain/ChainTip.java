package io.chaintill.chain;

/** The best block a chain source knows: its height and hash. */
public record ChainTip(int height, String hash) {
}
