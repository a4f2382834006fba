package io.chaintill.persistence;

import io.chaintill.domain.invoice.InvoiceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Filters of the invoice list (Greenfield's query parameters). */
public record InvoiceQuery(String storeId, List<String> orderIds, Set<InvoiceStatus> statuses, String text,
                           Instant start, Instant end, boolean includeArchived, int skip, int take) {
}
