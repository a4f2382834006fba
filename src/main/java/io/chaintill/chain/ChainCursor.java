package io.chaintill.chain;

/** How far a follower has scanned: the last block fully applied, by height and hash. */
public record ChainCursor(int height, String hash) {
}
