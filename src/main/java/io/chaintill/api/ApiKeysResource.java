package io.chaintill.api;

import io.chaintill.application.AccessService;
import io.chaintill.application.Caller;
import io.chaintill.domain.access.ApiKey;
import io.chaintill.domain.access.Permission;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Greenfield API keys: created with a password login or another key, shown once, revocable. */
@Path("api/v1/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeysResource {
    @Inject
    AccessService access;
    @Context
    ContainerRequestContext request;

    @POST
    public Response create(String body) {
        Caller caller = Callers.required(request);
        JsonInput in = JsonInput.parse(body);
        List<String> permissions = in.strings("permissions");
        // as BTCPay: no permissions is a key that can only read and revoke itself
        AccessService.CreatedKey created = access.createApiKey(caller, in.string("label"),
                permissions == null ? List.of() : permissions);
        return Response.ok(of(created.key(), created.rawKey())).build();
    }

    /** ChainTill addition: the caller's keys, masked, each with its id (the SHA-256 of the key, useless as a key). */
    @GET
    public jakarta.json.JsonArray list() {
        var out = Json.createArrayBuilder();
        access.keysOf(Callers.required(request)).forEach(k -> out.add(Json.createObjectBuilder(of(k, null))
                .add("id", k.keyHash()).add("createdTime", k.createdAt().getEpochSecond())));
        return out.build();
    }

    /** ChainTill addition: revoke one of the caller's keys by its id, since the key itself is never shown again. */
    @DELETE
    @Path("id/{keyId}")
    public Response revokeById(@PathParam("keyId") String keyId) {
        access.revokeByHash(Callers.required(request), keyId);
        return Response.ok().build();
    }

    /** As BTCPay: the answer carries the key the caller sent (it is no secret to that caller). */
    @GET
    @Path("current")
    public JsonObject current() {
        Caller caller = Callers.required(request);
        return of(access.currentKey(caller), sentKey());
    }

    @DELETE
    @Path("current")
    public Response revokeCurrent() {
        Caller caller = Callers.required(request);
        ApiKey key = access.currentKey(caller);
        access.revokeByHash(caller, caller.apiKeyHash());
        return Response.ok(of(key, null)).build(); // BTCPay answers the revoked key's ApiKeyData
    }

    @DELETE
    @Path("{apiKey}")
    public Response revoke(@PathParam("apiKey") String apiKey) {
        access.revoke(Callers.required(request), apiKey);
        return Response.ok().build();
    }

    /** The key of {@code Authorization: token <key>}, which {@link AuthFilter} has checked already. */
    private String sentKey() {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION).trim();
        return header.substring(header.indexOf(' ') + 1).trim();
    }

    /** The raw key appears in the creation answer and to the key itself; lists show it masked. */
    private static JsonObject of(ApiKey key, String rawKey) {
        var permissions = Json.createArrayBuilder();
        key.permissions().stream().map(Permission::toString).forEach(permissions::add);
        var b = Json.createObjectBuilder()
                .add("apiKey", rawKey != null ? rawKey : "hidden:" + key.keyHash().substring(0, 8))
                .add("permissions", permissions);
        b.add("label", key.label() == null ? "" : key.label()); // ApiKeyData's label is not nullable
        return b.build();
    }
}
