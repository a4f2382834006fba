package io.chaintill.chain.integrity;

import java.util.List;

/**
 * One raised integrity condition as a pass saw it. Two passes that see the same kind on the same chain and sources
 * see the same condition ({@link #key()}), whatever its heights: the alert is raised once and cleared once.
 *
 * @param height the height the condition is about (fork height, tip height), or null
 * @param hashes the block hashes involved, in the order of {@code sources}
 */
public record Condition(String chain, AlertKind kind, List<String> sources, Integer height, List<String> hashes,
                        String reason) {
    public Condition {
        sources = List.copyOf(sources);
        hashes = List.copyOf(hashes);
    }

    public String key() {
        return chain + "|" + kind.id() + "|" + String.join(",", sources);
    }
}
