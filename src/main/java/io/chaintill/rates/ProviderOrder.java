package io.chaintill.rates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses a provider list such as "kraken, coinbase" and checks each id exists, so typos fail at startup. */
public final class ProviderOrder {

    private ProviderOrder() {
    }

    public static List<String> parse(String csv, Set<String> knownIds) {
        List<String> order = new ArrayList<>();
        if (csv != null) {
            for (String raw : csv.split(",")) {
                String id = raw.trim().toLowerCase(Locale.ROOT);
                if (id.isEmpty()) {
                    continue;
                }
                if (!knownIds.contains(id)) {
                    throw new IllegalArgumentException("chaintill.rates.providers: unknown provider '" + raw.trim()
                            + "' (known: " + String.join(", ", knownIds.stream().sorted().toList()) + ")");
                }
                if (!order.contains(id)) {
                    order.add(id);
                }
            }
        }
        if (order.isEmpty()) {
            throw new IllegalArgumentException("chaintill.rates.providers must name at least one provider");
        }
        return List.copyOf(order);
    }
}
