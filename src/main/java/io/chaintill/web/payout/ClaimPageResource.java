package io.chaintill.web.payout;

import io.chaintill.api.paybutton.FormBody;
import io.chaintill.application.NotFoundException;
import io.chaintill.application.payout.PayoutService;
import io.chaintill.application.payout.PullPaymentService;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payout.Payout;
import io.chaintill.domain.payout.PayoutRefusedException;
import io.chaintill.domain.payout.PullPayment;
import io.chaintill.web.checkout.CheckoutHeaders;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;

/** {@code /pull-payments/{id}}: the page a refund's buyer claims it on, without any login. */
@Path("pull-payments/{pullPaymentId}")
@RequestScoped
public class ClaimPageResource {
    static final int MAX_BODY = 8 * 1024;

    @Inject
    PullPaymentService pullPayments;
    @Inject
    PayoutService payouts;
    @PathParam("pullPaymentId")
    String pullPaymentId;

    @GET
    public Response page() {
        try {
            return page(200, null, null, null, null, null);
        } catch (NotFoundException e) {
            return notFound();
        }
    }

    @POST
    @Consumes("*/*")
    public Response claim(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream in) {
        Map<String, String> form;
        try {
            form = FormBody.parse(contentType, readAtMost(in));
        } catch (InvalidInputException e) {
            return page(422, e.field(), e.getMessage(), null, null, null);
        }
        String destination = form.get("destination");
        String amount = form.get("amount");
        try {
            BigDecimal wanted = amount(amount);
            Payout p = payouts.claim(pullPaymentId, destination, form.get("payoutMethodId"), wanted);
            return page(200, null, null, p, null, null);
        } catch (NotFoundException e) {
            return notFound();
        } catch (InvalidInputException e) {
            // what was typed is shown again, unless it was the secret the page just refused
            String kept = "destination".equals(e.field()) && e.getMessage().contains("private key") ? "" : destination;
            return page(422, e.field(), e.field() + ": " + e.getMessage(), null, kept, amount);
        } catch (PayoutRefusedException e) {
            return page(400, e.code(), e.getMessage(), null, destination, amount);
        }
    }

    private Response page(int status, String field, String error, Payout claimed, String destination, String amount) {
        PullPayment pp = pullPayments.publicView(pullPaymentId);
        var list = payouts.ofPullPayment(pullPaymentId, false);
        BigDecimal left = pp.remaining(list.stream().map(Payout::originalAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
        return headers(Response.status(status).entity(ClaimPage.render(pp, list, left, field, error, claimed, destination,
                amount)));
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > 40 || !t.matches("[0-9]{1,20}(\\.[0-9]{1,20})?")) {
            throw new InvalidInputException("amount", "must be a positive decimal number such as 0.0015");
        }
        return new BigDecimal(t);
    }

    private static Response notFound() {
        return headers(Response.status(404).entity("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Not found</title></head><body><p>This payment link does not exist.</p></body></html>\n"));
    }

    private static Response headers(Response.ResponseBuilder b) {
        return b.type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", CheckoutHeaders.CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store").build();
    }

    private static byte[] readAtMost(InputStream in) {
        try {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new InvalidInputException("body", "must be at most " + MAX_BODY / 1024 + " KiB");
            }
            return body;
        } catch (IOException e) {
            throw new InvalidInputException("body", "could not be read");
        }
    }
}
