package io.chaintill.chain.integrity;

/**
 * One source as the last pass saw it, without its address (public in /api/v1/health).
 *
 * @param name "primary", "witness 1", "witness 2" ... (the order of the witnesses setting)
 * @param kind "bitcoind", "esplora", "ethereum"
 * @param tipHeight null when it did not answer
 * @param lag blocks behind the best tip any source reported; null when it did not answer
 */
public record SourceState(String name, String kind, Integer tipHeight, Integer lag) {
    public boolean answered() {
        return tipHeight != null;
    }
}
