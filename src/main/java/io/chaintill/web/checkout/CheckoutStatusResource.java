package io.chaintill.web.checkout;

import io.chaintill.application.CheckoutView;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;

/**
 * The live status the checkout page's script reads: {@code /checkout/{invoiceId}/status} (JSON, the polling
 * fallback) and {@code /checkout/{invoiceId}/events} (server-sent events). Public, like the page. They live under
 * /checkout because every two-segment path under /i/{invoiceId}/ belongs to the QR codes.
 */
@Path("checkout/{invoiceId}")
@RequestScoped
public class CheckoutStatusResource {
    private static final String JSON = "application/json; charset=utf-8";

    @Inject
    CheckoutViewCache views;
    @Inject
    CheckoutSettings settings;
    @Inject
    CheckoutEvents events;

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("invoiceId") String invoiceId, @QueryParam("lang") String lang,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Optional<CheckoutView> found = views.find(invoiceId);
        if (found.isEmpty()) {
            return noStore(Response.status(Response.Status.NOT_FOUND).type(JSON).entity(Json.createObjectBuilder()
                    .add("code", "invoice-not-found").add("message", "no such invoice").build().toString()));
        }
        CheckoutView v = found.get();
        CheckoutMessages t = CheckoutMessages.of(CheckoutLanguage.choose(lang, v.defaultLanguage(), accept));
        return noStore(Response.ok(new CheckoutStatus(v, t, settings.receiptOnProcessing()).json().toString(), JSON));
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("invoiceId") String invoiceId, @QueryParam("lang") String lang,
                       @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept,
                       @Context SseEventSink sink, @Context Sse sse) {
        events.admit(); // before any database work
        events.stream(invoiceId, lang, accept, sink, sse);
    }

    private static Response noStore(Response.ResponseBuilder b) {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return b.cacheControl(cc).build();
    }
}
