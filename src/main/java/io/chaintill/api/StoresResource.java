package io.chaintill.api;

import io.chaintill.application.StoreService;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Greenfield stores. */
@Path("api/v1/stores")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoresResource {
    @Inject
    StoreService stores;
    @Context
    ContainerRequestContext request;

    @POST
    public JsonObject create(String body) {
        JsonInput in = JsonInput.parse(body);
        return StoreJson.of(stores.create(Callers.required(request), StoreJson.settings(in, StoreJson.DEFAULTS),
                in.bool("anyoneCanCreateInvoice")));
    }

    @GET
    public JsonArray list() {
        var out = Json.createArrayBuilder();
        stores.list(Callers.required(request)).forEach(s -> out.add(StoreJson.of(s)));
        return out.build();
    }

    @GET
    @Path("{storeId}")
    public JsonObject get(@PathParam("storeId") String storeId) {
        return StoreJson.of(stores.get(Callers.required(request), storeId));
    }

    @PUT
    @Path("{storeId}")
    public JsonObject update(@PathParam("storeId") String storeId, String body) {
        var caller = Callers.required(request);
        var current = stores.get(caller, storeId).settings();
        JsonInput in = JsonInput.parse(body);
        return StoreJson.of(stores.update(caller, storeId, StoreJson.settings(in, current), in.bool("anyoneCanCreateInvoice")));
    }

    @DELETE
    @Path("{storeId}")
    public Response delete(@PathParam("storeId") String storeId) {
        stores.delete(Callers.required(request), storeId);
        return Response.ok().build();
    }
}
