package io.chaintill.application;

import java.time.Instant;
import java.util.List;

/** One raise of a chain integrity condition and, once it cleared, when. */
public record ChainAlert(String id, String chain, String kind, List<String> sources, Integer height,
                         List<String> hashes, String reason, Instant firstSeen, Instant lastSeen, Instant clearedAt) {
    public ChainAlert {
        sources = List.copyOf(sources);
        hashes = List.copyOf(hashes);
    }

    public boolean raised() {
        return clearedAt == null;
    }
}
