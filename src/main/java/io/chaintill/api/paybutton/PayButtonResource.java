package io.chaintill.api.paybutton;

import io.chaintill.api.PublicUrl;
import io.chaintill.application.AccessDeniedException;
import io.chaintill.application.InvoiceService;
import io.chaintill.application.NotFoundException;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.invoice.Invoice;
import io.chaintill.rates.RatesUnavailableException;
import io.chaintill.web.dashboard.RequestSource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * BTCPay's public pay-button endpoint, {@code POST /api/v1/invoices} (its PayButtonHandle): an HTML form on any
 * site creates an invoice on a store that allows it (anyoneCanCreateInvoice) and the buyer is sent to its checkout
 * page, or, with jsonResponse=true, the shop's script gets {invoiceId, invoiceUrl} (BTCPay's modal snippet). No API
 * key; limited per client address ({@link PayButtonThrottle}).
 */
@Path("api/v1/invoices")
@RequestScoped
public class PayButtonResource {
    static final int MAX_BODY = 32 * 1024;

    @Inject
    InvoiceService invoices;
    @Inject
    PublicUrl publicUrl;
    @Inject
    PayButtonThrottle throttle;
    @Context
    HttpServletRequest servlet;
    @Context
    UriInfo uri;

    @POST
    @Consumes("*/*")
    public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept, InputStream in) {
        // a script (it asks for JSON, or posts JSON by mistake) is answered in JSON; a browser's form post gets a page
        boolean json = accept != null && accept.toLowerCase(Locale.ROOT).contains("json")
                && !accept.toLowerCase(Locale.ROOT).contains("html")
                || contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
        byte[] body = readAtMost(in);
        Map<String, String> fields = null;
        InvalidInputException malformed = null;
        if (body != null) {
            try {
                fields = FormBody.parse(contentType, body);
                json |= "true".equalsIgnoreCase(fields.getOrDefault("jsonResponse", "").strip());
            } catch (InvalidInputException e) {
                malformed = e;
            }
        }
        // counted before the fields are judged, so a flood of malformed forms is limited too
        Optional<Duration> wait = throttle.acquire(RequestSource.clientAddress(servlet));
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return Response.fromResponse(PayButtonAnswer.refused(json, 429, "too-many-requests",
                    "Too many payment requests from your address; try again in " + seconds + " s."))
                    .header("Retry-After", seconds).build();
        }
        if (body == null) {
            return PayButtonAnswer.refused(json, 413, "payload-too-large", "body: must be at most " + MAX_BODY / 1024 + " KiB");
        }
        if (malformed != null) {
            return PayButtonAnswer.invalid(json, malformed.field(), malformed.getMessage());
        }
        try {
            PayButtonForm form = PayButtonForm.of(fields);
            json = form.jsonResponse() || json;
            Invoice invoice = invoices.createPublic(form.storeId(), form.invoiceRequest(), form.serverIpn(),
                    form.notifyEmail(), id -> publicUrl.checkoutLink(uri, id));
            return PayButtonAnswer.created(json, invoice.id(), form.checkoutUrl(publicUrl.checkoutLink(uri, invoice.id())));
        } catch (InvalidInputException e) {
            return PayButtonAnswer.invalid(json, PayButtonForm.formField(e.field()), e.getMessage());
        } catch (NotFoundException e) {
            return PayButtonAnswer.refused(json, 404, e.code(), e.getMessage());
        } catch (AccessDeniedException e) {
            return PayButtonAnswer.refused(json, 403, "pay-buttons-disabled", e.getMessage());
        } catch (RatesUnavailableException e) {
            return PayButtonAnswer.refused(json, 503, "rate-unavailable", "No exchange rate right now; try again shortly.");
        }
    }

    /** CORS preflight for scripts that post with a non-form content type. */
    @OPTIONS
    public Response preflight() {
        return PayButtonAnswer.preflight();
    }

    /** The body, or null when it is longer than {@link #MAX_BODY}. */
    private static byte[] readAtMost(InputStream in) {
        try {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            return b.length > MAX_BODY ? null : b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
