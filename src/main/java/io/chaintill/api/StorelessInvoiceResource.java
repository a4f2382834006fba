package io.chaintill.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Greenfield 2's {@code /api/v1/invoices/{invoiceId}}: the store is the invoice's own, and an invoice of a store the
 * caller cannot reach is a 404 like an unknown one.
 */
@Path("api/v1/invoices/{invoiceId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StorelessInvoiceResource extends InvoiceResource {
    @Override
    String storeId() {
        return invoices.storeOf(Callers.required(request), invoiceId);
    }
}
