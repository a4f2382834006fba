package io.chaintill.chain.integrity;

import java.util.Optional;

/** A chain's own rules for a header, checked by ChainTill rather than taken from the source. */
public interface HeaderRules {

    /** What is wrong with {@code header} as the child of {@code parent}, or empty when it is valid. */
    Optional<String> problem(BlockHeader header, BlockHeader parent);
}
