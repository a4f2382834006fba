package io.chaintill.chain.integrity;

import io.chaintill.chain.ChainTip;

/** A source's tip as one pass read it. */
public record SourceTip(String source, ChainTip tip) {
}
