package io.chaintill.api;

import io.chaintill.application.DailyTotals;
import io.chaintill.application.StoreStats;
import io.chaintill.application.StoreStatsService;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** ChainTill addition: the figures of a store's dashboard overview. */
@Path("api/v1/stores/{storeId}/stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StoreStatsResource {
    static final int DEFAULT_DAYS = 30;

    @Inject
    StoreStatsService stats;
    @Context
    ContainerRequestContext request;
    @PathParam("storeId")
    String storeId;

    @GET
    public JsonObject get(@QueryParam("days") String days) {
        StoreStats s = stats.stats(Callers.required(request), storeId, days(days));
        JsonObjectBuilder webhooks = Json.createObjectBuilder();
        nullableLong(webhooks, "failedDeliveries", s.failedDeliveries());
        nullableLong(webhooks, "failingDeliveries", s.failingDeliveries());
        return Json.createObjectBuilder()
                .add("days", s.days())
                .add("firstDay", s.firstDay().toString())
                .add("lastDay", s.lastDay().toString())
                .add("settled", entries(s.settledByCurrency(), "currency"))
                .add("received", entries(s.receivedByPaymentMethod(), "paymentMethodId"))
                .add("openInvoices", Json.createObjectBuilder()
                        .add("new", s.newInvoices())
                        .add("processing", s.processingInvoices())
                        .add("total", s.newInvoices() + s.processingInvoices()))
                .add("invalidInvoices", s.invalidInvoices())
                .add("webhooks", webhooks)
                .build();
    }

    private static int days(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_DAYS;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("days", "must be a whole number between 1 and " + StoreStatsService.MAX_DAYS);
        }
    }

    private static JsonArrayBuilder entries(List<DailyTotals.Entry> entries, String keyName) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (DailyTotals.Entry e : entries) {
            out.add(Json.createObjectBuilder()
                    .add("date", e.date().toString())
                    .add(keyName, e.key())
                    .add("amount", e.amount().stripTrailingZeros().toPlainString())
                    .add("count", e.count()));
        }
        return out;
    }

    private static void nullableLong(JsonObjectBuilder b, String name, Long value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
