package io.chaintill.api.payout;

import io.chaintill.api.Callers;
import io.chaintill.application.InvoiceService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Greenfield 2's {@code /api/v1/invoices/{invoiceId}/refund}: the store is the invoice's own. */
@Path("api/v1/invoices/{invoiceId}/refund")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StorelessInvoiceRefundResource extends RefundResource {
    @Inject
    InvoiceService invoices;

    @Override
    String storeId() {
        return invoices.storeOf(Callers.required(request), invoiceId);
    }
}
