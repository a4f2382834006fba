package io.chaintill.api;

import io.chaintill.application.Authorizer;
import io.chaintill.application.ChainAlert;
import io.chaintill.application.ChainAlertBook;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.access.Policy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.chaintill.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * ChainTill addition: the chain integrity alerts (docs/chain-integrity.md), newest first, for server admins only
 * (they name the server's nodes). {@code ?status=raised} lists only those not cleared yet.
 */
@Path("api/v1/chains/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChainAlertsResource {
    private static final int MAX_TAKE = 100;

    @Inject
    ChainAlertBook alerts;
    @Inject
    Authorizer authorizer;
    @Context
    ContainerRequestContext request;

    @GET
    public JsonArray list(@QueryParam("status") String status, @QueryParam("skip") String skip,
                          @QueryParam("take") String take) {
        authorizer.requireServer(Callers.required(request), Policy.SERVER_MODIFY_SETTINGS);
        boolean raisedOnly = switch (status == null ? "" : status.strip()) {
            case "", "all" -> false;
            case "raised" -> true;
            default -> throw new InvalidInputException("status", "must be raised or all");
        };
        int from = bounded(skip, 0, "skip", 0, 1_000_000);
        int count = bounded(take, 50, "take", 1, MAX_TAKE);
        JsonArrayBuilder out = Json.createArrayBuilder();
        alerts.list(raisedOnly, from, count).forEach(a -> out.add(json(a)));
        return out.build();
    }

    static JsonObject json(ChainAlert a) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", a.id()).add("chain", a.chain()).add("kind", a.kind())
                .add("status", a.raised() ? "raised" : "cleared")
                .add("sources", Json.createArrayBuilder(a.sources()))
                .add("hashes", Json.createArrayBuilder(a.hashes()))
                .add("reason", a.reason())
                .add("firstSeen", a.firstSeen().getEpochSecond())
                .add("lastSeen", a.lastSeen().getEpochSecond());
        if (a.height() == null) {
            b.addNull("height");
        } else {
            b.add("height", a.height());
        }
        if (a.clearedAt() == null) {
            b.addNull("cleared");
        } else {
            b.add("cleared", a.clearedAt().getEpochSecond());
        }
        return b.build();
    }

    private static int bounded(String value, int fallback, String field, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (value.length() > 9) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v < min || v > max) {
                throw new InvalidInputException(field, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }
}
