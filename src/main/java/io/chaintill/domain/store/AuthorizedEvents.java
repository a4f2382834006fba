package io.chaintill.domain.store;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.InvoiceEventType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** Which event types a webhook receives: all of them, or the listed ones (Greenfield's authorizedEvents). */
public record AuthorizedEvents(boolean everything, List<String> specificEvents) {
    public static final AuthorizedEvents ALL = new AuthorizedEvents(true, List.of());

    public AuthorizedEvents {
        // Duplicates are harmless but would be echoed back; keep the merchant's order otherwise.
        specificEvents = specificEvents == null ? List.of() : List.copyOf(new LinkedHashSet<>(specificEvents));
        for (int i = 0; i < specificEvents.size(); i++) {
            if (!known(specificEvents.get(i))) {
                throw new InvalidInputException("authorizedEvents.specificEvents[" + i + "]",
                        "unknown event type '" + specificEvents.get(i) + "' (known: " + knownNames() + ")");
            }
        }
    }

    public boolean accepts(String eventType) {
        return everything || specificEvents.contains(eventType);
    }

    /** The stored form: comma-separated names (event names contain no commas). */
    public String specificEventsText() {
        return String.join(",", specificEvents);
    }

    public static AuthorizedEvents of(boolean everything, String specificEventsText) {
        List<String> names = specificEventsText == null || specificEventsText.isEmpty() ? List.of()
                : List.of(specificEventsText.split(","));
        return new AuthorizedEvents(everything, names);
    }

    private static boolean known(String name) {
        return knownTypes().anyMatch(t -> t.equals(name));
    }

    private static String knownNames() {
        return String.join(", ", knownTypes().toList());
    }

    private static java.util.stream.Stream<String> knownTypes() {
        return java.util.stream.Stream.of(InvoiceEventType.values(), io.chaintill.domain.payout.PayoutEventType.values(),
                ServerEventType.values()).flatMap(Arrays::stream).map(Enum::name);
    }
}
