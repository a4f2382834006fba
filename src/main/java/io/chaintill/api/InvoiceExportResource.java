package io.chaintill.api;

import io.chaintill.application.InvoiceExport;
import io.chaintill.persistence.InvoiceQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * ChainTill addition: the invoice list as CSV, with the list's filters. Streamed a page at a time; a more specific
 * path than {@code invoices/{invoiceId}}, so JAX-RS routes {@code export.csv} here.
 */
@jakarta.ws.rs.Path("api/v1/stores/{storeId}/invoices/export.csv")
@RequestScoped
public class InvoiceExportResource {
    static final int PAGE = 500;

    @Inject
    InvoiceExport export;
    @Context
    ContainerRequestContext request;
    @PathParam("storeId")
    String storeId;

    @GET
    public Response csv(@QueryParam("orderId") List<String> orderIds, @QueryParam("status") List<String> statuses,
                        @QueryParam("textSearch") String text, @QueryParam("startDate") String start,
                        @QueryParam("endDate") String end, @QueryParam("includeArchived") @DefaultValue("false") boolean archived) {
        InvoiceQuery filters = InvoiceFilters.query(storeId, orderIds, statuses, text, start, end, archived, null, null,
                PAGE, PAGE);
        export.authorize(Callers.required(request), storeId);
        // pages are read by offset: pinning the end keeps invoices created during the download from shifting rows
        Instant until = filters.end() != null ? filters.end() : Instant.now();
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(CsvLine.of(export.header()));
            for (int skip = 0; ; skip += PAGE) {
                List<List<String>> rows = export.page(new InvoiceQuery(filters.storeId(), filters.orderIds(),
                        filters.statuses(), filters.text(), filters.start(), until, filters.includeArchived(),
                        skip, PAGE));
                for (List<String> row : rows) {
                    w.write(CsvLine.of(row));
                }
                w.flush();
                if (rows.size() < PAGE) {
                    break;
                }
            }
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"invoices-" + storeId.replaceAll("[^A-Za-z0-9_-]", "") + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
