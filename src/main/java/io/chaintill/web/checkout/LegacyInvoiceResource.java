package io.chaintill.web.checkout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * BTCPay's legacy checkout URL, {@code /invoice?id={invoiceId}}, which its modal script (/modal/btcpay.js) opens
 * with {@code &view=modal} inside the shop's page. In modal view it is the checkout page laid out for an iframe,
 * and the only buyer page a shop may frame (see {@link CheckoutHeaders}); without it, it sends the buyer to the
 * invoice's own page at /i/{invoiceId}.
 */
@Path("invoice")
@RequestScoped
public class LegacyInvoiceResource {
    /** Anything longer or stranger is no invoice id; such ids get the not-found page without a lookup. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    CheckoutResource checkout;

    @GET
    @Produces("text/html")
    public Response invoice(@QueryParam("id") String id, @QueryParam("view") String view, @QueryParam("lang") String lang,
                            @QueryParam("method") String method, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        String invoiceId = id != null && ID.matcher(id).matches() ? id : "-";
        if ("modal".equals(view)) {
            return checkout.page(invoiceId, lang, method, accept, true);
        }
        StringBuilder target = new StringBuilder("/i/").append(invoiceId);
        if (lang != null && lang.length() <= 35) {
            target.append("?lang=").append(URLEncoder.encode(lang, StandardCharsets.UTF_8));
        }
        return Response.status(Response.Status.FOUND).location(URI.create(target.toString())).build();
    }
}
