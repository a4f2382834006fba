package io.chaintill.api;

import io.chaintill.application.InvoicePayments;
import io.chaintill.application.InvoiceService;
import io.chaintill.application.NotFoundException;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.web.qr.QrCodeRenderer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** Public QR codes of an invoice's payment link: the invoice id is the buyer's capability, no key needed. */
@Path("i/{invoiceId}/{paymentMethodId}")
@RequestScoped
public class QrResource {
    @Inject
    InvoiceService invoices;
    @Inject
    PaymentMethodHandlers handlers;
    @Inject
    InvoicePayments payments;
    private final QrCodeRenderer qr = new QrCodeRenderer();
    @PathParam("invoiceId")
    String invoiceId;
    @PathParam("paymentMethodId")
    String paymentMethodId;

    @GET
    @Path("qr.svg")
    @Produces("image/svg+xml")
    public Response svg(@QueryParam("size") @DefaultValue("256") int size) {
        return fresh(Response.ok(qr.svg(paymentLink(), size), "image/svg+xml"));
    }

    @GET
    @Path("qr.png")
    @Produces("image/png")
    public Response png(@QueryParam("size") @DefaultValue("256") int size) {
        return fresh(Response.ok(qr.png(paymentLink(), size), "image/png"));
    }

    /** The link for what is still due, so a partial payment gets a new code. */
    String paymentLink() {
        PaymentMethodId method = PaymentMethodId.parse(paymentMethodId, "paymentMethodId");
        PaymentPrompt prompt = invoices.publicView(invoiceId).flatMap(i -> i.prompt(method))
                .orElseThrow(() -> new NotFoundException("invoice-not-found", "no such invoice or payment method"));
        return handlers.require(method, "paymentMethodId").paymentLink(prompt.destination(),
                prompt.due() == null ? null : prompt.due().minus(payments.paid(prompt)).atLeastZero());
    }

    private static Response fresh(Response.ResponseBuilder b) {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return b.cacheControl(cc).build();
    }
}
