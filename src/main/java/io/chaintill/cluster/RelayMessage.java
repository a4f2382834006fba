package io.chaintill.cluster;

import io.chaintill.domain.invoice.InvoiceChanged;
import java.util.Optional;

/**
 * An invoice change as sent between nodes: "origin invoiceId storeId". Ids never contain spaces; a message from
 * another version or anything malformed is ignored rather than guessed at.
 */
public record RelayMessage(String origin, String invoiceId, String storeId) {
    /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; ours are far below. */
    static final int MAX_LENGTH = 1000;

    public static RelayMessage of(String origin, InvoiceChanged change) {
        return new RelayMessage(origin, change.invoiceId(), change.storeId() == null ? "-" : change.storeId());
    }

    public String text() {
        return origin + " " + invoiceId + " " + storeId;
    }

    public static Optional<RelayMessage> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = text.split(" ");
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RelayMessage(parts[0], parts[1], parts[2]));
    }

    /** The change as this node's observers see it: marked as relayed, so no relay sends it on again. */
    public InvoiceChanged relayed() {
        return new InvoiceChanged(invoiceId, "-".equals(storeId) ? null : storeId, true);
    }
}
