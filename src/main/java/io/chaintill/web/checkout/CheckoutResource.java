package io.chaintill.web.checkout;

import io.chaintill.application.CheckoutQuery;
import io.chaintill.application.CheckoutView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;

/**
 * The hosted checkout page at {@code /i/{invoiceId}} (the invoice's checkoutLink). Public: the invoice id is the
 * buyer's capability. Its live status comes from {@link CheckoutStatusResource}.
 */
@Path("i/{invoiceId}")
@RequestScoped
public class CheckoutResource {
    private static final String HTML = "text/html; charset=utf-8";

    @Inject
    CheckoutQuery query;
    @Inject
    CheckoutSettings settings;
    @Inject
    Clock clock;

    @GET
    @Produces("text/html")
    public Response page(@PathParam("invoiceId") String invoiceId, @QueryParam("lang") String lang,
                         @QueryParam("method") String method, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        return page(invoiceId, lang, method, accept, false);
    }

    /** The page, or in {@code modal} view the same page laid out for a shop's iframe (see {@link LegacyInvoiceResource}). */
    Response page(String invoiceId, String lang, String method, String accept, boolean modal) {
        Optional<CheckoutView> found = query.find(invoiceId);
        if (found.isEmpty()) {
            CheckoutMessages t = CheckoutMessages.of(CheckoutLanguage.choose(lang, null, accept));
            return noStore(Response.status(Response.Status.NOT_FOUND).entity(CheckoutPage.notFound(t)).type(HTML));
        }
        CheckoutView v = found.get();
        CheckoutMessages t = CheckoutMessages.of(CheckoutLanguage.choose(lang, v.defaultLanguage(), accept));
        CheckoutStatus status = new CheckoutStatus(v, t, settings.receiptOnProcessing());
        String html = CheckoutPage.render(v, status, t, selected(v, method), clock.instant(), modal);
        return noStore(Response.ok(html, HTML).header(HttpHeaders.CONTENT_LANGUAGE, t.language()));
    }

    /** ?method= when the invoice has it, else the invoice's default, else the first; unknown values are ignored. */
    static CheckoutView.Method selected(CheckoutView v, String method) {
        return Optional.ofNullable(method).flatMap(v::method)
                .or(() -> Optional.ofNullable(v.defaultMethod()).flatMap(v::method))
                .orElse(v.methods().isEmpty() ? null : v.methods().get(0));
    }

    private static Response noStore(Response.ResponseBuilder b) {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return b.cacheControl(cc).build();
    }
}
